// What the learner chose to look at, and the design the lab runs. No domain rules here.
import { create } from 'zustand';
import { isDesignId, type DesignId } from '../statemodel/designs';

export type DomainChoice = 'shop' | 'bank';

export const useSettings = create<{
  domain: DomainChoice;
  /** The design the workers run now (set once they run it). */
  design: DesignId;
  /** A design the workers are being started in, if a switch is under way. */
  switchingTo: DesignId | null;
  /** In a chapter, whether every part of the lab is shown, not only the ones the chapter uses. */
  wholeLab: boolean;
}>(() => ({ domain: 'shop', design: 'event-sourced', switchingTo: null, wholeLab: false }));

export const showWholeLab = (wholeLab: boolean): void => useSettings.setState({ wholeLab });

export const chooseDomain = (domain: DomainChoice): void => useSettings.setState({ domain });

export const showDesign = (design: DesignId, switchingTo: DesignId | null = null): void =>
  useSettings.setState({ design, switchingTo });

const DESIGN_KEY = 'cqrs-lab-design';

/** The design chosen on an earlier visit (event sourcing when none, or storage is closed). */
export const rememberedDesign = (): DesignId => {
  try {
    const stored = localStorage.getItem(DESIGN_KEY);
    return isDesignId(stored) ? stored : 'event-sourced';
  } catch {
    return 'event-sourced';
  }
};

/** Keeps the learner's choice for the next visit (silently not, where storage is closed). */
export const rememberDesign = (design: DesignId): void => {
  try {
    localStorage.setItem(DESIGN_KEY, design);
  } catch {
    // A private window may refuse: the choice lasts this visit only.
  }
};

// What the learner chose to look at. No domain rules here.
import { create } from 'zustand';

export type DomainChoice = 'shop' | 'bank';

export const useSettings = create<{ domain: DomainChoice }>(() => ({ domain: 'shop' }));

export const chooseDomain = (domain: DomainChoice): void => useSettings.setState({ domain });

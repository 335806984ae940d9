// The four designs the lab can run: the names the code and the page share.
export const DESIGN_IDS = [
  'one-model',
  'same-transaction',
  'after-commit',
  'event-sourced',
] as const;
export type DesignId = (typeof DESIGN_IDS)[number];

/** Each design as the learner sees it named (the Design switch's options). */
export const DESIGN_NAMES: Record<DesignId, string> = {
  'one-model': 'One model (no CQRS)',
  'same-transaction': 'CQRS, views in the same transaction',
  'after-commit': 'CQRS, views updated after commit',
  'event-sourced': 'CQRS with event sourcing',
};

/** The designs that keep current state in place (no event log as the source of truth). */
export type StateDesign = Exclude<DesignId, 'event-sourced'>;

export const isDesignId = (value: unknown): value is DesignId =>
  (DESIGN_IDS as readonly unknown[]).includes(value);

/** The live lab's store for a design that keeps state in place (each design has its own). */
export const stateStoreOf = (design: StateDesign): string => `cqrs-lab-design-${design}`;

/** The live lab's read store of `view` in `design` (the event-sourced design keeps the old names). */
export const viewStoreOf = (design: DesignId, store: string): string =>
  design === 'event-sourced' ? store : `${store}-${design}`;

/** Why `design` has no event log to show, export, import into, travel back in or rebuild from. */
export const noLogIn = (design: StateDesign): string =>
  design === 'one-model'
    ? `The design “${DESIGN_NAMES[design]}” keeps only the current state, overwritten by each write: there is no log of events to show, export, import into or replay`
    : design === 'same-transaction'
      ? `The design “${DESIGN_NAMES[design]}” keeps the current state and its views, both overwritten by each write: there is no log of events to show, export, import into or replay`
      : `The design “${DESIGN_NAMES[design]}” keeps the current state, and each event only until every view has applied it (the outbox): there is no log to show whole, export, import into or replay`;

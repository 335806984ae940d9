import { inSpace, type Space } from '../eventstore/space';

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

/**
 * How a design keeps its views: 'messages' (events travel to them on the bus after the append),
 * 'outbox' (the same, relayed from an outbox written with the state) or 'in-write' (written in the
 * command's own transaction, or queries on the one model: no events travel to them).
 */
export type ViewsFedBy = 'messages' | 'outbox' | 'in-write';

export const viewsFedBy = (design: DesignId): ViewsFedBy =>
  design === 'event-sourced' ? 'messages' : design === 'after-commit' ? 'outbox' : 'in-write';

/** The designs whose views no events reach: they are read (or queried) where the write wrote. */
export const viewsInWrite = (design: DesignId): design is 'one-model' | 'same-transaction' =>
  viewsFedBy(design) === 'in-write';

/** Where what a design acknowledged is kept. */
export const storeOf = (design: DesignId): string =>
  design === 'event-sourced' ? 'event store' : 'state store';

/** What a real system could do where this lab has no history to rebuild a view from. */
export const RECOMPUTE_NOTE =
  'A real system could recompute a view from the current state tables, but not anything that needs past events.';

export const isDesignId = (value: unknown): value is DesignId =>
  (DESIGN_IDS as readonly unknown[]).includes(value);

/** The live lab's store for a design that keeps state in place (each design has its own). */
export const stateStoreOf = (design: StateDesign, space: Space = 'sandbox'): string =>
  inSpace(`cqrs-lab-design-${design}`, space);

/** The live lab's read store of `view` in `design` (the event-sourced design keeps the old names). */
export const viewStoreOf = (design: DesignId, store: string, space: Space = 'sandbox'): string =>
  inSpace(design === 'event-sourced' ? store : `${store}-${design}`, space);

/** Why `design` has no event log to show, export, import into, travel back in or rebuild from. */
export const noLogIn = (design: StateDesign): string =>
  design === 'one-model'
    ? `The design “${DESIGN_NAMES[design]}” keeps only the current state, overwritten by each write: there is no log of events to show, export, import into or replay`
    : design === 'same-transaction'
      ? `The design “${DESIGN_NAMES[design]}” keeps the current state and its views, both overwritten by each write: there is no log of events to show, export, import into or replay`
      : `The design “${DESIGN_NAMES[design]}” keeps the current state, and each event only until every view has applied it (the outbox): there is no log to show whole, export, import into or replay`;

// What the page says about the design the lab runs: one place, so the header, the flow diagram and
// the panels that have nothing to show in a design all say the same thing. Each sentence keeps
// CQRS (a separate read side), event sourcing (events as the record) and asynchronous views (read
// side updated after the commit) apart, as ../shared/TEACHING.md asks.
import { DESIGN_NAMES, noLogIn, type DesignId, type StateDesign } from '../../runtime/designs';

export { DESIGN_NAMES, noLogIn };
export type { DesignId, StateDesign };

/** One sentence per design: what a write stores, and where queries read. */
export const DESIGN_SUMMARY: Record<DesignId, string> = {
  'one-model':
    'No CQRS: each write overwrites the current state, and each query reads those same tables, shaping its answer (joins, totals, search) when asked. No events are kept, and no read is ever behind.',
  'same-transaction':
    'CQRS without lag: each write overwrites the current state and updates separate read tables (the views) in the same transaction, so a query after the acknowledgement always sees the write, and the write pays for the views. No events are kept.',
  'after-commit':
    'CQRS with asynchronous views: each write overwrites the current state and puts its events in an outbox in the same transaction; the bus relays them to the views after the commit, so a view can be behind. An event leaves the outbox once every view has applied it: no history is kept.',
  'event-sourced':
    'CQRS with event sourcing and asynchronous views: the events are the record, appended to a log; the write model folds a stream’s events into its state to decide, and the views learn of the events after the commit, so a view can be behind.',
};

/** The steps a command takes, as the header's pipeline shows them. */
export const DESIGN_STEPS: Record<DesignId, readonly string[]> = {
  'one-model': ['Command', 'Model decides', 'State overwritten', 'Queries read the same tables'],
  'same-transaction': [
    'Command',
    'Write model decides',
    'State and views written in one transaction',
    'Queries read views',
  ],
  'after-commit': [
    'Command',
    'Write model decides',
    'State and outbox written in one transaction',
    'Bus relays after commit',
    'Views update',
    'Queries read views',
  ],
  'event-sourced': [
    'Command',
    'Write model decides',
    'Event store appends',
    'Projections update',
    'Queries read views',
  ],
};

/** What the store box of the flow diagram is called in each design. */
export const STORE_LABEL: Record<DesignId, string> = {
  'one-model': 'State tables',
  'same-transaction': 'State + views',
  'after-commit': 'State + outbox',
  'event-sourced': 'Event store',
};

/** What the store is, when the learner selects it in the flow diagram. */
export const STORE_ROLE: Record<DesignId, string> = {
  'one-model':
    'The one model’s tables in IndexedDB: one row per product, order and account, overwritten by each write. Queries read these same rows.',
  'same-transaction':
    'The current state and the views’ rows in IndexedDB, written together in each command’s transaction: the views can never be behind.',
  'after-commit':
    'The current state in IndexedDB, and the outbox: the events of each write, stored in its transaction and deleted once every view has applied them.',
  'event-sourced': 'The append-only log in IndexedDB: every fact, in order, numbered by position.',
};

/** What a view node is, in each design. */
export const VIEW_ROLE: Record<DesignId, string> = {
  'one-model':
    'A query on the one model: it reads the state rows and shapes its answer when asked. No events reach it.',
  'same-transaction':
    'A read view whose rows the write model updates in each command’s own transaction. No events travel to it; its worker only answers queries.',
  'after-commit':
    'A read view: its own projection, worker and database, fed by event messages relayed from the outbox. A restarted view reads what it missed from the outbox.',
  'event-sourced': 'A read view: its own projection, worker and database, fed by event messages.',
};

/** Whether the design has views that events reach after the commit (so they can be behind). */
export const viewsLag = (design: DesignId): boolean =>
  design === 'after-commit' || design === 'event-sourced';

/** Why Step back cannot take a command back in `design`, or null where it can. */
export const noStepBackIn = (design: DesignId): string | null =>
  design === 'event-sourced'
    ? null
    : `Step back takes a command’s events back out of the log. ${noLogIn(design)}.`;

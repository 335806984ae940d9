// What the page says about the design the lab runs: one place, so the header, the flow diagram and
// the panels that have nothing to show in a design all say the same thing. Each sentence keeps
// CQRS (a separate read side), event sourcing (events as the record) and asynchronous views (read
// side updated after the commit) apart, as ../shared/TEACHING.md asks.
import {
  DESIGN_NAMES,
  noLogIn,
  RECOMPUTE_NOTE,
  viewsFedBy,
  type DesignId,
  type StateDesign,
} from '../../runtime/designs';

export { DESIGN_NAMES, noLogIn, RECOMPUTE_NOTE };
export type { DesignId, StateDesign };

/** What each design is: what a write stores, and where queries read. */
export const DESIGN_SUMMARY: Record<DesignId, string> = {
  'one-model':
    'One data model: each write overwrites the current-state tables, and each query is computed from those same tables when asked (joins, totals, search). There is no separate read model, and no events are kept; each query reads the latest committed write (no read replica or cache here). Separate query code on the same tables is sometimes already called CQRS: what this design lacks is a separate read model.',
  'same-transaction':
    'CQRS without lag: each write overwrites the current state and updates separate read tables (the views) in the same transaction, so a query after the acknowledgement sees the write (no read replica or cache here). The write pays for the views: a view that fails to update makes the write fail, and this works only while the views share the write’s database. No events are kept.',
  'after-commit':
    'CQRS with asynchronous views: each write overwrites the current state and puts its events in an outbox in the same transaction, so none is lost and none is sent for a write that failed. After the commit the bus carries the events to each view; a view that missed some reads them from the outbox, its checkpoint skipping repeats. So a view can be behind. Here a row leaves the outbox once every view has applied it (a lab simplification: usually once it reaches a broker), so no history is kept.',
  'event-sourced':
    'CQRS with event sourcing and asynchronous views: the events are the record, appended to a log; the write model folds a stream’s events into its state to decide. After each append commits, the bus carries the new events to each view, so a view can be behind. Event sourcing needs neither CQRS nor asynchronous views: the lab shows it with both.',
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
    'Bus delivers after commit',
    'Projections update views',
    'Queries read views',
  ],
  'event-sourced': [
    'Command',
    'Write model decides',
    'Event store appends',
    'Bus delivers after commit',
    'Projections update views',
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

/** What the write model's box is called: in one model there is no separate write model. */
export const WRITE_LABEL: Record<DesignId, string> = {
  'one-model': 'Model',
  'same-transaction': 'Write model',
  'after-commit': 'Write model',
  'event-sourced': 'Write model',
};

/** What the store is, when the learner selects it in the flow diagram. */
export const STORE_ROLE: Record<DesignId, string> = {
  'one-model':
    'The one model’s tables in IndexedDB: one row per product, order and account, overwritten by each write. Queries read these same rows.',
  'same-transaction':
    'The current state and the views’ rows in IndexedDB, written together in each command’s transaction: a query reads the latest committed write.',
  'after-commit':
    'The current state in IndexedDB, and the outbox: the events of each write, stored in its transaction, so a view that missed some can read them. Delivery is at least once; each view’s checkpoint skips repeats. Here a row is deleted once every view has applied it (a lab simplification: usually once it reaches a broker).',
  'event-sourced':
    'The append-only log in IndexedDB: every fact, in order, numbered by position. Only the lab’s Step back (a simulator feature) removes any.',
};

/** What a view node is, in each design. */
export const VIEW_ROLE: Record<DesignId, string> = {
  'one-model':
    'A query on the one model: it reads the state tables and shapes its answer when asked. No events reach it.',
  'same-transaction':
    'A read view whose rows the write model updates in each command’s own transaction. No events travel to it; its worker only answers queries.',
  'after-commit':
    'A read view: its own projection, worker and database. The bus carries it the events of each write after the commit; what it missed (a lost delivery, a restart) it reads from the outbox.',
  'event-sourced':
    'A read view: its own projection, worker and database. The bus carries it the new events after each append; what it missed it reads from the log.',
};

/** Whether the design has views that events reach after the commit (so they can be behind). */
export const viewsLag = (design: DesignId): boolean => viewsFedBy(design) !== 'in-write';

/** Why Step back cannot take a command back in `design`, or null where it can. */
export const noStepBackIn = (design: DesignId): string | null =>
  design === 'event-sourced'
    ? null
    : `Step back is a simulator feature: it deletes a command’s events from the lab’s log, which a real, append-only event store never does (a real system undoes a command with a compensating one). ${noLogIn(design)}.`;

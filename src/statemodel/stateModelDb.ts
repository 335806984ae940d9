// The store of the three designs that keep each aggregate's current state in place, overwritten by
// every write (no event log as the source of truth). Beside the state, depending on the design:
// nothing more (one model), the views' rows written in the write's own transaction, or an outbox of
// messages written in that transaction and relayed to the views afterwards.
import Dexie, { type Table } from 'dexie';
import type { StoredEvent } from '../domain/types';

export const STATE_MODEL_NAME = 'cqrs-lab-state';

/** What a CRUD table keeps beside the rules' state (the one model's queries use them). */
export type StateColumns = {
  /** The number of the last change to this row. */
  lastPosition: number;
  updatedAt: string;
  placedAt?: string;
  paidAt?: string;
};
export type StateRow = {
  streamId: string;
  state: unknown;
  version: number;
  columns?: StateColumns;
};
/** A row of one view kept in this store (views in the same transaction). */
export type ViewRowIn = { view: string; key: string; value: unknown };
/** A message waiting in the outbox to be relayed: the event a write decided, numbered. */
export type OutboxRow = { position: number; event: StoredEvent };
/** A command this store has decided, kept so a command sent again is not applied twice. */
export type StateCommandRecord = { commandId: string } & (
  { outcome: 'accepted'; position: number } | { outcome: 'rejected'; reason: string }
);
/** The number of the last event decided, committed with the state. */
export type HeadRow = { id: 'head'; position: number };

export class StateModelDb extends Dexie {
  state!: Table<StateRow, string>;
  rows!: Table<ViewRowIn, [string, string]>;
  outbox!: Table<OutboxRow, number>;
  meta!: Table<HeadRow, string>;
  commands!: Table<StateCommandRecord, string>;

  constructor(name: string = STATE_MODEL_NAME) {
    super(name);
    this.version(1).stores({
      state: 'streamId',
      rows: '[view+key]',
      outbox: 'position',
      meta: 'id',
    });
    // Version 2 records each command decided (idempotency: a command sent again is not applied twice).
    this.version(2).stores({ commands: 'commandId' });
  }
}

/** The position of the last event committed (0 when nothing was). Call inside a transaction or alone. */
export const stateHead = async (db: StateModelDb): Promise<number> =>
  (await db.meta.get('head'))?.position ?? 0;

/** Forgets everything stored: state, views, outbox, command records and head. */
export const clearStateModel = (db: StateModelDb): Promise<void> =>
  db.transaction('rw', [db.state, db.rows, db.outbox, db.meta, db.commands], async () => {
    await Promise.all(
      [db.state, db.rows, db.outbox, db.meta, db.commands].map((table) => table.clear()),
    );
  });

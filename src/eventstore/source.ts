// Where a view reads the events it missed: the log (event sourcing) or, where state is kept in
// place, an outbox (statemodel/outbox.ts).
import type { StoredEvent } from '../domain/types';
import { headPosition } from './appendBatch';
import type { EventStoreDb } from './eventStoreDb';
import { readAll } from './read';

export type EventSource = {
  /** The position of the last event there is (0 if none). */
  head: () => Promise<number>;
  /** Events from `fromPosition` (inclusive), in order, at most `limit` of them. */
  read: (fromPosition: number, limit: number) => Promise<StoredEvent[]>;
};

/** The event log as a view's source. */
export const logSource = (db: EventStoreDb): EventSource => ({
  head: () => headPosition(db),
  read: (fromPosition, limit) => readAll(db, { fromPosition, limit }),
});

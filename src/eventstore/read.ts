// Reading the log: one stream (to decide a command) or everything after a position (to feed projections).
// Every row is read through the log's own reading (EventStoreDb.read): a row that is not an event
// comes back as its placeholder (storedRow.ts), never as something a fold would trip on.
import Dexie from 'dexie';
import type { StoredEvent } from '../domain/types';
import type { EventStoreDb } from './eventStoreDb';
import { isUnreadable } from './unreadable';

export const readStream = async (
  db: EventStoreDb,
  streamId: string,
  { fromVersion = 1, toVersion }: { fromVersion?: number; toVersion?: number } = {},
): Promise<StoredEvent[]> => {
  const events = await db.events
    .where('[streamId+version]')
    .between([streamId, fromVersion], [streamId, toVersion ?? Dexie.maxKey], true, true)
    .toArray();
  // A stream's state is folded from its events: an unreadable row among them is left out.
  return events.map((row) => db.read(row)).filter((event) => !isUnreadable(event));
};

/**
 * Events from `fromPosition` (inclusive) in log order, at most `limit` of them; an unreadable row
 * is there as its placeholder, so positions stay contiguous and a reader's checkpoint passes it.
 */
export const readAll = async (
  db: EventStoreDb,
  { fromPosition = 1, limit = 1000 }: { fromPosition?: number; limit?: number } = {},
): Promise<StoredEvent[]> => {
  const events = await db.events
    .where('position')
    .aboveOrEqual(fromPosition)
    .limit(limit)
    .toArray();
  return events.map((row) => db.read(row));
};

/** The whole log, oldest first, read in pages. */
export const readLog = async (db: EventStoreDb, pageSize = 10_000): Promise<StoredEvent[]> => {
  const events: StoredEvent[] = [];
  for (;;) {
    const page = await readAll(db, { fromPosition: events.length + 1, limit: pageSize });
    events.push(...page);
    if (page.length < pageSize) return events;
  }
};

// The log's mark: which log this is (see LogMark). A log that was never rewritten has no mark yet.
import { headPosition } from './appendBatch';
import type { EventStoreDb } from './eventStoreDb';

const NEVER_REWRITTEN = 'original';

/** Gives the log a new mark; call inside the transaction that takes events away or replaces them. */
export const markRewritten = (db: EventStoreDb): Promise<string> =>
  db.marks.put({ key: 'log', id: crypto.randomUUID() });

/** The log's mark alone (inside a transaction that holds `marks`). */
export const readMark = async (db: EventStoreDb): Promise<string> =>
  (await db.marks.get('log'))?.id ?? NEVER_REWRITTEN;

/** The log's mark and head, read together, so a copy of the log can be checked in one step. */
export const logIdentity = (db: EventStoreDb): Promise<{ mark: string; head: number }> =>
  db.transaction('r', db.events, db.marks, async () => {
    const mark = await readMark(db);
    return { mark, head: await headPosition(db) };
  });

// Taking appends back: only the simulation's Step back and Reset do this, and the learner's removal
// of a row the code cannot read. A real event store never deletes facts; the lab does so to put the
// whole system back to an earlier moment, or to repair a store something else damaged.
import { headPosition } from './appendBatch';
import { appendedBy } from './commandIndex';
import type { EventRow, EventStoreDb } from './eventStoreDb';
import { isUnreadable } from './unreadable';
import { markRewritten } from './logMark';

/** Thrown when the events to take back are no longer the newest ones (another tab wrote since). */
export class RewindError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RewindError';
  }
}

/**
 * Removes the events these commands appended, which must be the newest in the log (a refused
 * command stored nothing). Returns the new head position.
 */
export const removeCommands = (db: EventStoreDb, commandIds: readonly string[]): Promise<number> =>
  db.transaction('rw', db.events, db.marks, async () => {
    const appended = await appendedBy(db, commandIds);
    const positions = [...appended.values()]
      .flatMap((events) => events.map((event) => event.position))
      .sort((a, b) => a - b);
    const head = await headPosition(db);
    const tail = positions.every((p, i) => p === head - positions.length + 1 + i);
    if (!tail)
      throw new RewindError(
        'Newer events were appended since (another tab?), so this step cannot be taken back',
      );
    await db.events.bulkDelete(positions);
    if (positions.length > 0) await markRewritten(db);
    return head - positions.length;
  });

/** Empties the log (Reset). */
export const clearLog = (db: EventStoreDb): Promise<void> =>
  db.transaction('rw', db.events, db.inline, db.marks, async () => {
    await db.events.clear();
    await db.inline.clear();
    await markRewritten(db);
  });

/**
 * Removes the row at `position`, which must be one the code cannot read (see storedRow.ts): the
 * learner's explicit repair of a damaged store. The events after it move up one position, and up one
 * version where they follow it in its stream, so the log stays gap-free; the log gets a new mark
 * (its positions changed), so every view is rebuilt. Returns the new head position.
 */
export const removeUnreadable = (db: EventStoreDb, position: number): Promise<number> =>
  db.transaction('rw', db.events, db.marks, async () => {
    const row = await db.events.get(position);
    if (!row) throw new RewindError(`There is no event #${String(position)} in the log`);
    const gone = db.read(row);
    if (!isUnreadable(gone))
      throw new RewindError(
        `Event #${String(position)} is readable: only a row the app cannot read can be removed`,
      );
    const after = await db.events.where('position').above(position).toArray();
    await db.events.bulkDelete([position, ...after.map((next) => next.position)]);
    const sameStream = (next: EventRow) =>
      gone.version > 0 && next.streamId === gone.streamId && next.version > gone.version;
    await db.events.bulkAdd(
      after.map((next) => ({
        ...next,
        position: next.position - 1,
        ...(sameStream(next) ? { version: next.version - 1 } : {}),
      })),
    );
    await markRewritten(db);
    return headPosition(db);
  });

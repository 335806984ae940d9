// Taking appends back: only the simulation's Step back and Reset do this. A real event store never
// deletes facts; the lab does so to put the whole system back to an earlier moment.
import { headPosition } from './appendBatch';
import { appendedBy } from './commandIndex';
import type { EventStoreDb } from './eventStoreDb';
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

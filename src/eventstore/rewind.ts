// Taking appends back: only the simulation's Step back and Reset do this. A real event store never
// deletes facts; the lab does so to put the whole system back to an earlier moment.
import type { CommandRecord, EventStoreDb } from './eventStoreDb';
import { headPosition } from './appendBatch';
import { markRewritten } from './logMark';

/** Thrown when the events to take back are no longer the newest ones (another tab wrote since). */
export class RewindError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RewindError';
  }
}

/**
 * Removes what these commands recorded: their outcome records and, for accepted ones, their events,
 * which must be the newest in the log. Returns the new head position.
 */
export const removeCommands = (db: EventStoreDb, commandIds: readonly string[]): Promise<number> =>
  db.transaction('rw', db.events, db.commands, db.marks, async () => {
    const records = (await db.commands.bulkGet([...commandIds])).filter(
      (r): r is CommandRecord => r !== undefined,
    );
    const positions = records
      .flatMap((r) => (r.outcome === 'accepted' ? r.positions : []))
      .sort((a, b) => a - b);
    const head = await headPosition(db);
    const tail = positions.every((p, i) => p === head - positions.length + 1 + i);
    if (!tail)
      throw new RewindError(
        'Newer events were appended since (another tab?), so this step cannot be taken back',
      );
    await db.events.bulkDelete(positions);
    await db.commands.bulkDelete(records.map((r) => r.commandId));
    if (positions.length > 0) await markRewritten(db);
    return head - positions.length;
  });

/** Empties the log and the command records (Reset). */
export const clearLog = (db: EventStoreDb): Promise<void> =>
  db.transaction('rw', db.events, db.commands, db.inline, db.marks, async () => {
    await db.events.clear();
    await db.commands.clear();
    await db.inline.clear();
    await markRewritten(db);
  });

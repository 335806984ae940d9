// Writing an imported log: checked first (logFile.ts), then stored in one transaction, so a file
// is taken whole or not at all and the log never holds half of one.
import type { StoredEvent } from '../domain/types';
import { headPosition } from './appendBatch';
import type { CommandRecord, EventStoreDb } from './eventStoreDb';
import { markRewritten } from './logMark';

export type ImportMode = 'replace' | 'append';

/** The command records of imported events, so a retry of one of their commands is recognised. */
const recordsOf = (events: readonly StoredEvent[]): CommandRecord[] => {
  const byCommand = new Map<string, CommandRecord & { outcome: 'accepted' }>();
  for (const event of events) {
    const { commandId, recordedAt, commandType } = event.meta;
    const record = byCommand.get(commandId) ?? {
      commandId,
      type: commandType,
      recordedAt,
      outcome: 'accepted' as const,
      positions: [],
    };
    record.positions.push(event.position);
    byCommand.set(commandId, record);
  }
  return [...byCommand.values()];
};

/**
 * Stores checked events: in place of the whole log (replace), or after it with new positions
 * (append; the file's streams are new, so their versions stand). Returns the first new position
 * and the new head.
 */
export const writeImported = (
  db: EventStoreDb,
  events: readonly StoredEvent[],
  mode: ImportMode,
): Promise<{ from: number; head: number }> =>
  db.transaction('rw', db.events, db.commands, db.inline, db.marks, async () => {
    if (mode === 'replace') {
      await db.events.clear();
      await db.commands.clear();
      await db.inline.clear();
      await markRewritten(db);
    }
    const head = mode === 'replace' ? 0 : await headPosition(db);
    const rows = events.map((event, i) => ({ ...event, position: head + i + 1 }));
    const known = await db.commands.bulkGet(rows.map((row) => row.meta.commandId));
    if (known.some((record) => record !== undefined))
      throw new Error('Some of these commands are already in your log: choose Replace instead');
    await db.events.bulkAdd(rows);
    await db.commands.bulkAdd(recordsOf(rows));
    return { from: head + 1, head: head + rows.length };
  });

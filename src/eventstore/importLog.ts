// Writing an imported log: checked first (logFile.ts), then stored in one transaction, so a file
// is taken whole or not at all and the log never holds half of one.
import type { StoredEvent } from '../domain/types';
import { headPosition } from './appendBatch';
import { withCommandMarks } from './commandIndex';
import type { EventStoreDb } from './eventStoreDb';
import { markRewritten } from './logMark';

export type ImportMode = 'replace' | 'append';

/**
 * Stores checked events: in place of the whole log (replace), or after it with new positions
 * (append; the file's streams are new, so their versions stand). Each command's first event is
 * marked as an append's is (EventRow), so a retry of one of the file's commands is recognised.
 * Returns the first new position and the new head.
 */
export const writeImported = (
  db: EventStoreDb,
  events: readonly StoredEvent[],
  mode: ImportMode,
): Promise<{ from: number; head: number }> =>
  db.transaction('rw', db.events, db.inline, db.marks, async () => {
    if (mode === 'replace') {
      await db.events.clear();
      await db.inline.clear();
      await markRewritten(db);
    }
    const head = mode === 'replace' ? 0 : await headPosition(db);
    const rows = withCommandMarks(events.map((event, i) => ({ ...event, position: head + i + 1 })));
    const ids = [...new Set(events.map((event) => event.meta.commandId))];
    if ((await db.events.where('command').anyOf(ids).count()) > 0)
      throw new Error('Some of these commands are already in your log: choose Replace instead');
    await db.events.bulkAdd(rows);
    return { from: head + 1, head: head + rows.length };
  });

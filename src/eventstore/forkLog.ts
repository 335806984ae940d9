// A fork's log: the first N events of a log, copied as stored (positions, versions, ids, command
// marks) into another space's empty log. The fork then goes its own way; the source is only read.
import { headPosition } from './appendBatch';
import type { EventStoreDb } from './eventStoreDb';
import { logIdentity } from './logMark';
import { clearLog } from './rewind';

const PAGE = 5_000;

export type ForkedLog = {
  /** How many events the fork holds: positions 1 to `upTo`. */
  events: number;
  /** Event #upTo+1 came from the same command as #upTo: the fork holds only part of its events. */
  splitCommand: boolean;
};

/**
 * Copies events 1..`upTo` of `source` into `target`, in place of whatever `target` held. Pages are
 * read and written one after another (a long log does not sit in memory); if `source` was
 * rewritten meanwhile (a Step back or Reset in another tab), `target` is emptied again and this
 * throws, so a fork never holds a mix of two logs.
 */
export const forkLog = async (
  source: EventStoreDb,
  target: EventStoreDb,
  upTo: number,
): Promise<ForkedLog> => {
  const before = await logIdentity(source);
  if (!Number.isSafeInteger(upTo) || upTo < 0)
    throw new Error(`A fork starts at a position of the log (#0 or later), not ${String(upTo)}`);
  if (upTo > before.head)
    throw new Error(
      `The log ends at #${String(before.head)}, so it cannot be forked at #${String(upTo)}`,
    );
  await clearLog(target);
  for (let from = 1; from <= upTo; from += PAGE) {
    const rows = await source.events
      .where('position')
      .between(from, Math.min(upTo, from + PAGE - 1), true, true)
      .toArray();
    await target.events.bulkAdd(rows);
  }
  const [last, next] = await source.events.bulkGet([upTo, upTo + 1]);
  const after = await logIdentity(source);
  if (after.mark !== before.mark || (await headPosition(target)) !== upTo) {
    await clearLog(target);
    throw new Error(
      'The log was rewritten while it was being copied (a Step back, Reset or import in another tab?): nothing was forked. Try again.',
    );
  }
  return {
    events: upTo,
    splitCommand: !!last && !!next && last.meta.commandId === next.meta.commandId,
  };
};

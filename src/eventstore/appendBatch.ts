// Group commit: many commands, one IndexedDB transaction. Inside it the caller plans every command
// against the log as it is right now; each command's streams are checked against their expected
// versions, and each command still gets its own outcome: one refusal or conflict never sinks the rest.
// An accepted command's first event carries its id under a unique index (EventRow), which is what
// makes a retry idempotent across reloads and tabs; a refusal stores nothing, so a retried refusal
// is simply decided again.
import Dexie from 'dexie';
import type { Projection } from '../domain/projection';
import type { DomainEvent, StoredEvent } from '../domain/types';
import { ConcurrencyError, type ExpectedVersion } from './errors';
import { appendedBy, withCommandMarks } from './commandIndex';
import type { EventRow, EventStoreDb } from './eventStoreDb';
import { applyInline } from './inline';
import { readMark } from './logMark';
import { readAll } from './read';
import { CURRENT_SCHEMA_VERSION } from './upcast';

export type { ExpectedVersion };

export type StreamAppend = {
  streamId: string;
  expectedVersion: ExpectedVersion;
  events: readonly DomainEvent[];
};

/** What the caller decided for one command. */
export type PlannedCommand = {
  commandId: string;
  commandType: string;
  /** The conversation this command belongs to, and what caused it; both default to commandId. */
  correlationId?: string;
  causationId?: string;
} & ({ kind: 'append'; streams: readonly StreamAppend[] } | { kind: 'reject'; reason: string });

export type CommandResult = { commandId: string } & (
  | { kind: 'appended'; events: StoredEvent[] }
  | { kind: 'rejected'; reason: string }
  | { kind: 'duplicate'; events: StoredEvent[] }
  | { kind: 'conflict'; error: ConcurrencyError }
);

/** What the planner may look at, inside the transaction. */
export type BatchContext = {
  head: number;
  /**
   * Which log this is (see LogMark): another tab's Reset or Step back gives it a new mark, and a
   * planner that folded the log before then must fold it again from the start.
   */
  mark: string;
  /** Command ids in this batch that appended events before (retries): do not plan them. */
  handledBefore: ReadonlySet<string>;
  readAll: (options: { fromPosition: number; limit: number }) => Promise<StoredEvent[]>;
};

export const streamVersion = async (db: EventStoreDb, streamId: string): Promise<number> => {
  const last = await db.events
    .where('[streamId+version]')
    .between([streamId, Dexie.minKey], [streamId, Dexie.maxKey])
    .last();
  return last?.version ?? 0;
};

/** The last position in the log: read from the key alone, without loading the event itself. */
export const headPosition = async (db: EventStoreDb): Promise<number> =>
  (await db.events.orderBy(':id').reverse().limit(1).primaryKeys())[0] ?? 0;

const matches = (expected: ExpectedVersion, actual: number): boolean =>
  expected === 'any' || (expected === 'no-stream' ? actual === 0 : expected === actual);

export type BatchOptions = {
  /**
   * The planner read the log up to `context.head` inside this transaction, so its expected versions
   * are the streams' versions: they are not read again (one request per stream saved). The unique
   * [streamId+version] index still refuses a wrong one, aborting the whole batch.
   */
  plannedAtHead?: boolean;
  /**
   * The command ids to look up in the log before planning (default: all of them). A caller that
   * remembers which ids it has handled can skip the others: a command appended elsewhere (another
   * tab, an earlier visit) still cannot be appended twice, because the unique `command` index
   * refuses it and the whole batch aborts; the caller then looks everything up.
   */
  lookUp?: readonly string[];
  /** A view to update in the same transaction as the append (an inline projection). */
  inline?: Projection<unknown, never> | undefined;
};

/**
 * Runs `plan` and appends what it decided, all in one read-write transaction: either every accepted
 * command of the batch is stored, or nothing is.
 */
export const appendBatch = (
  db: EventStoreDb,
  commandIds: readonly string[],
  plan: (context: BatchContext) => Promise<readonly PlannedCommand[]> | readonly PlannedCommand[],
  recordedAt: string,
  { plannedAtHead = false, inline, lookUp = commandIds }: BatchOptions = {},
): Promise<CommandResult[]> =>
  db.transaction('rw', db.events, db.inline, db.marks, async () => {
    const earlier = await appendedBy(db, lookUp);
    let position = await headPosition(db);
    const planned = await plan({
      head: position,
      mark: await readMark(db),
      handledBefore: new Set(earlier.keys()),
      readAll: (options) => readAll(db, options),
    });

    // The version each stream starts the batch at: as the plan says, when it was planned at the
    // head in this transaction; otherwise read from the store. Reads happen here, up front, so the
    // loop below never awaits (Dexie keeps a transaction alive across a bounded number of awaits).
    const versions = new Map<string, number>();
    const toRead = new Set<string>();
    for (const command of planned) {
      if (command.kind !== 'append') continue;
      for (const { streamId, expectedVersion } of command.streams) {
        if (versions.has(streamId) || toRead.has(streamId)) continue;
        if (plannedAtHead && expectedVersion !== 'any')
          versions.set(streamId, expectedVersion === 'no-stream' ? 0 : expectedVersion);
        else toRead.add(streamId);
      }
    }
    for (const streamId of toRead) versions.set(streamId, await streamVersion(db, streamId));

    const rows: EventRow[] = [];
    const results: CommandResult[] = [...earlier].map(([commandId, events]) => ({
      commandId,
      kind: 'duplicate',
      events,
    }));
    const seen = new Set(earlier.keys());

    for (const command of planned) {
      const { commandId, commandType } = command;
      if (seen.has(commandId)) continue; // one outcome per command id, however often it was sent
      seen.add(commandId);
      if (command.kind === 'reject') {
        results.push({ commandId, kind: 'rejected', reason: command.reason });
        continue;
      }
      const conflict = findConflict(command.streams, versions);
      if (conflict) {
        results.push({ commandId, kind: 'conflict', error: conflict });
        continue;
      }
      const events: StoredEvent[] = [];
      for (const { streamId, events: streamEvents } of command.streams) {
        const base = versions.get(streamId) ?? 0;
        streamEvents.forEach((event, index) => {
          position += 1;
          events.push({
            ...event,
            position,
            streamId,
            version: base + index + 1,
            meta: {
              commandId,
              correlationId: command.correlationId ?? commandId,
              causationId: command.causationId ?? commandId,
              recordedAt,
              schemaVersion: CURRENT_SCHEMA_VERSION,
              commandType,
            },
          });
        });
        versions.set(streamId, base + streamEvents.length);
      }
      rows.push(...withCommandMarks(events));
      results.push({ commandId, kind: 'appended', events });
    }

    // A refusal stores nothing, so the unique index cannot catch a refused command that is in fact
    // a retry of one appended earlier (before a reload, or by another tab) and not looked up: it
    // would be refused only because its own events are there. Its events answer it instead.
    const looked = new Set(lookUp);
    const unchecked = results.flatMap((r) =>
      r.kind === 'rejected' && !looked.has(r.commandId) ? [r.commandId] : [],
    );
    const late = await appendedBy(db, unchecked);
    if (rows.length > 0) await db.events.bulkAdd(rows);
    if (inline && rows.length > 0) await applyInline(db, inline, rows);
    if (late.size === 0) return results;
    return results.map((r) => {
      const events = late.get(r.commandId);
      return events ? { commandId: r.commandId, kind: 'duplicate', events } : r;
    });
  });

const findConflict = (
  streams: readonly StreamAppend[],
  versions: ReadonlyMap<string, number>,
): ConcurrencyError | undefined => {
  for (const { streamId, expectedVersion } of streams) {
    const actual = versions.get(streamId) ?? 0;
    if (!matches(expectedVersion, actual))
      return new ConcurrencyError(streamId, expectedVersion, actual);
  }
  return undefined;
};

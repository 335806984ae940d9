// Appending is all or nothing: every stream of one command is checked and written in one transaction.
import Dexie from 'dexie';
import type { DomainEvent, StoredEvent } from '../domain/types';
import { ConcurrencyError } from './errors';
import type { EventStoreDb } from './eventStoreDb';
import { findCommand } from './read';
import { CURRENT_SCHEMA_VERSION } from './upcast';

export type ExpectedVersion = number | 'no-stream' | 'any';

export type StreamAppend = {
  streamId: string;
  expectedVersion: ExpectedVersion;
  events: readonly DomainEvent[];
};

export type AppendMeta = {
  commandId: string;
  commandType: string;
  correlationId: string;
  causationId: string;
  recordedAt: string;
};

/** What an append produced: the stored events, and whether they were recorded earlier (a retry). */
export type AppendResult = { events: StoredEvent[]; duplicate: boolean };

export const streamVersion = async (db: EventStoreDb, streamId: string): Promise<number> => {
  const last = await db.events
    .where('[streamId+version]')
    .between([streamId, Dexie.minKey], [streamId, Dexie.maxKey])
    .last();
  return last?.version ?? 0;
};

export const headPosition = async (db: EventStoreDb): Promise<number> =>
  (await db.events.orderBy('position').last())?.position ?? 0;

const matches = (expected: ExpectedVersion, actual: number): boolean =>
  expected === 'any' || (expected === 'no-stream' ? actual === 0 : expected === actual);

/**
 * Appends the events of one command to their streams, atomically. Positions are assigned inside the
 * transaction (head + 1, + 2 …), so the log has no gaps. A command id seen before appends nothing and
 * returns the events it appended the first time.
 */
export const append = (
  db: EventStoreDb,
  streams: readonly StreamAppend[],
  meta: AppendMeta,
): Promise<AppendResult> =>
  db.transaction('rw', db.events, db.commands, async () => {
    const seen = await findCommand(db, meta.commandId);
    if (seen) return { events: seen.events, duplicate: true };

    let position = await headPosition(db);
    const rows: StoredEvent[] = [];
    for (const { streamId, expectedVersion, events } of streams) {
      const actual = await streamVersion(db, streamId);
      if (!matches(expectedVersion, actual))
        throw new ConcurrencyError(streamId, expectedVersion, actual);
      events.forEach((event, index) => {
        position += 1;
        rows.push({
          ...event,
          position,
          streamId,
          version: actual + index + 1,
          meta: {
            commandId: meta.commandId,
            correlationId: meta.correlationId,
            causationId: meta.causationId,
            recordedAt: meta.recordedAt,
            schemaVersion: CURRENT_SCHEMA_VERSION,
          },
        });
      });
    }
    try {
      await db.events.bulkAdd(rows);
    } catch (error) {
      throw asConcurrencyError(error, streams) ?? error;
    }
    await db.commands.add({
      commandId: meta.commandId,
      type: meta.commandType,
      positions: rows.map((row) => row.position),
      recordedAt: meta.recordedAt,
    });
    return { events: rows, duplicate: false };
  });

// The unique index caught what the version check could not see (another connection won the race).
const asConcurrencyError = (
  error: unknown,
  streams: readonly StreamAppend[],
): ConcurrencyError | undefined => {
  const isConstraint =
    error instanceof Dexie.BulkError ||
    error instanceof Dexie.ConstraintError ||
    (error instanceof Error && error.name === 'ConstraintError');
  const first = streams[0];
  return isConstraint && first
    ? new ConcurrencyError(first.streamId, first.expectedVersion, undefined)
    : undefined;
};

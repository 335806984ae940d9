// Appending one command's events: all streams checked and written in one transaction, or none.
import type { StoredEvent } from '../domain/types';
import { appendBatch, type StreamAppend } from './appendBatch';
import type { EventStoreDb } from './eventStoreDb';

export type AppendMeta = {
  commandId: string;
  commandType: string;
  correlationId?: string;
  causationId?: string;
  recordedAt: string;
};

/** What an append produced: the stored events, and whether they were recorded earlier (a retry). */
export type AppendResult = { events: StoredEvent[]; duplicate: boolean };

/**
 * Appends the events of one command to their streams, atomically. A wrong expected version throws
 * ConcurrencyError and writes nothing. A command id seen before appends nothing and returns the events
 * it appended the first time.
 */
export const append = async (
  db: EventStoreDb,
  streams: readonly StreamAppend[],
  meta: AppendMeta,
): Promise<AppendResult> => {
  const [result] = await appendBatch(
    db,
    [meta.commandId],
    ({ handledBefore }) =>
      handledBefore.has(meta.commandId) ? [] : [{ ...meta, kind: 'append', streams }],
    meta.recordedAt,
  );
  switch (result?.kind) {
    case 'appended':
      return { events: result.events, duplicate: false };
    case 'duplicate':
      return { events: result.events, duplicate: true };
    case 'conflict':
      throw result.error;
    default:
      throw new Error(`Command ${meta.commandId} got no outcome`);
  }
};

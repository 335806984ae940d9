// Fulfilment on a real event store (IndexedDB, a database of its own beside the shop's log): each
// command decided on its one stream in the append's transaction, with optimistic concurrency. An
// accepted command's id stays on its first event, so the same command sent again is answered with
// the events it appended the first time; a refused one stored nothing and is decided again.
import type { DomainEvent, StoredEvent } from '../domain/types';
import { readAll, readLog, readStream, type EventStoreDb } from '../eventstore';
import { appendBatch, type CommandResult, type PlannedCommand } from '../eventstore/appendBatch';
import { DomainError } from '../domain/types';
import {
  decideFulfilment,
  emptyStream,
  evolveStream,
  streamOfCommand,
  type FulfilmentEvent,
} from './fulfilment';
import type { Envelope, LoggedEvent } from './processManager';

export const FULFILMENT_STORE_NAME = 'cqrs-lab-fulfilment';

/** A fulfilment event as the store keeps it: its type, and the rest as its data. */
export const toStored = ({ type, ...data }: FulfilmentEvent): DomainEvent => ({ type, data });

/** A stored event as the process manager reads it; `at` is the virtual time it was recorded at. */
export const toLogged = (stored: StoredEvent): LoggedEvent => ({
  position: stored.position,
  at: Date.parse(stored.meta.recordedAt),
  event: { type: stored.type, ...(stored.data as object) } as FulfilmentEvent,
});

export const foldStream = (stream: readonly StoredEvent[]) =>
  stream.map((e) => toLogged(e).event).reduce(evolveStream, emptyStream());

/** The write model of fulfilment: `handle` decides one command and appends what it decided. */
export const createFulfilmentWriteModel = (db: EventStoreDb) => {
  const handle = async ({ commandId, command }: Envelope, now: number): Promise<CommandResult> => {
    const streamId = streamOfCommand(command);
    const [result] = await appendBatch(
      db,
      [commandId],
      async ({ handledBefore }): Promise<PlannedCommand[]> => {
        if (handledBefore.has(commandId)) return [];
        const stream = await readStream(db, streamId);
        const base = { commandId, commandType: command.type };
        try {
          const events = decideFulfilment(command, foldStream(stream));
          return [
            {
              ...base,
              kind: 'append',
              streams: [
                {
                  streamId,
                  expectedVersion: stream.length === 0 ? 'no-stream' : stream.length,
                  events: events.map(toStored),
                },
              ],
            },
          ];
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          return [{ ...base, kind: 'reject', reason: error.message }];
        }
      },
      new Date(now).toISOString(),
    );
    if (!result) throw new Error(`Command ${commandId} got no outcome`);
    return result;
  };

  /** The log from `fromPosition` on, as the process manager reads it. */
  const read = async (fromPosition: number, limit: number) =>
    (await readAll(db, { fromPosition, limit })).map(toLogged);

  /** The whole log, as the process manager reads it. */
  const all = async () => (await readLog(db)).map(toLogged);

  return { handle, read, all };
};

export type FulfilmentWriteModel = ReturnType<typeof createFulfilmentWriteModel>;

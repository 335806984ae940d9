// Chapter 6's two writers, each a write worker of its own on the lessons' event store (as two servers
// would be). Started when the chapter's bench opens, stopped when it closes.
import { remote, type Remote } from '../bus/remote';
import type { WriterWorkerApi } from '../workers/writerWorkerApi';
import WriterWorker from '../workers/writer.worker?worker';
import { workerNamed, type Space } from '../eventstore/space';

const CALL_TIMEOUT_MS = 10_000;

export type { WriterOutcome, WriterRead } from '../writemodel/raceWriter';
export type RaceWriterClient = Remote<WriterWorkerApi>;

/** Starts one writer's worker on `space`'s event store (the lessons'); `stop` ends it. */
export const startRaceWriter = (
  name: string,
  space: Space = 'lesson',
): { api: RaceWriterClient; stop: () => void } => {
  const worker = new WriterWorker({ name: workerNamed(`Writer ${name}`, space) });
  const api = remote<WriterWorkerApi>(worker, {
    name: `Writer ${name}`,
    timeoutMs: CALL_TIMEOUT_MS,
  });
  return {
    api,
    stop: () => {
      api.abort(`Writer ${name} was stopped`);
      worker.terminate();
    },
  };
};

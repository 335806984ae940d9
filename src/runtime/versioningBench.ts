// Chapter 13's versioning bench: a worker of its own, reading the lessons' event store and keeping
// a copy of the shop's orders in a log beside it. Started when the bench opens, stopped when it
// closes.
import { remote, type Remote } from '../bus/remote';
import { workerNamed, type Space } from '../eventstore/space';
import type { VersioningWorkerApi } from '../workers/versioningWorkerApi';
import VersioningWorker from '../workers/versioning.worker?worker';

const CALL_TIMEOUT_MS = 30_000;

export type { SalesView, StoredOrder } from '../projection/versioning';
export type VersioningBenchClient = Remote<VersioningWorkerApi>;

export const startVersioningBench = (
  space: Space = 'lesson',
): { api: VersioningBenchClient; stop: () => void } => {
  const worker = new VersioningWorker({ name: workerNamed('Versioning bench', space) });
  const api = remote<VersioningWorkerApi>(worker, {
    name: 'Versioning bench',
    timeoutMs: CALL_TIMEOUT_MS,
  });
  return {
    api,
    stop: () => {
      api.abort('The versioning bench was stopped');
      worker.terminate();
    },
  };
};

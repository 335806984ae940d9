// Chapter 12's snapshot bench: a worker of its own on the lessons' event store, loading one account
// as a write model would before deciding a command. Started when the bench opens, stopped when it
// closes.
import { remote, type Remote } from '../bus/remote';
import type { SnapshotsWorkerApi } from '../workers/snapshotsWorkerApi';
import SnapshotsWorker from '../workers/snapshots.worker?worker';
import { workerNamed, type Space } from '../eventstore/space';

/** Writing the account's history and folding it can take a while on a slow machine. */
const CALL_TIMEOUT_MS = 60_000;

export type { LoadResult, Shape } from '../writemodel/snapshots';
export type SnapshotBenchClient = Remote<SnapshotsWorkerApi>;

export const startSnapshotBench = (
  space: Space = 'lesson',
): { api: SnapshotBenchClient; stop: () => void } => {
  const worker = new SnapshotsWorker({ name: workerNamed('Snapshot loader', space) });
  const api = remote<SnapshotsWorkerApi>(worker, {
    name: 'Snapshot loader',
    timeoutMs: CALL_TIMEOUT_MS,
  });
  return {
    api,
    stop: () => {
      api.abort('The snapshot loader was stopped');
      worker.terminate();
    },
  };
};

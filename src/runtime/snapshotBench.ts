// Chapter 12's snapshot bench: a worker of its own on the lessons' event store, loading one account
// as a write model would before deciding a command.
import type { Remote } from '../bus/remote';
import type { SnapshotsWorkerApi } from '../workers/snapshotsWorkerApi';
import SnapshotsWorker from '../workers/snapshots.worker?worker';
import { startBenchWorker } from './benchWorker';

export type { LoadResult, Shape } from '../writemodel/snapshots';
export type SnapshotBenchClient = Remote<SnapshotsWorkerApi>;

/** Writing the account's history and folding it can take a while on a slow machine. */
export const startSnapshotBench = () =>
  startBenchWorker<SnapshotsWorkerApi>(SnapshotsWorker, 'Snapshot loader', { timeoutMs: 60_000 });

// Chapter 13's versioning bench: a worker of its own, reading the lessons' event store and keeping
// a copy of the shop's orders in a log beside it.
import type { Remote } from '../bus/remote';
import type { VersioningWorkerApi } from '../workers/versioningWorkerApi';
import VersioningWorker from '../workers/versioning.worker?worker';
import { startBenchWorker } from './benchWorker';

export type { SalesView, StoredOrder } from '../projection/versioning';
export type VersioningBenchClient = Remote<VersioningWorkerApi>;

export const startVersioningBench = () =>
  startBenchWorker<VersioningWorkerApi>(VersioningWorker, 'Versioning bench', {
    timeoutMs: 30_000,
  });

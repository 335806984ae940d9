// Chapter 14's blue/green bench: a worker of its own, hosting Stock levels version 1 and version 2,
// each in a read store of its own beside the lessons' event store.
import type { Remote } from '../bus/remote';
import type { BlueGreenWorkerApi } from '../workers/blueGreenWorkerApi';
import BlueGreenWorker from '../workers/blueGreen.worker?worker';
import { startBenchWorker } from './benchWorker';

export type { Asked, BenchStatus, Version } from '../projection/blueGreen';
export type BlueGreenBenchClient = Remote<BlueGreenWorkerApi>;

export const startBlueGreenBench = () =>
  startBenchWorker<BlueGreenWorkerApi>(BlueGreenWorker, 'Blue/green bench', { timeoutMs: 30_000 });

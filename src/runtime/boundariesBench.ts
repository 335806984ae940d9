// Chapter 16's bench: four order desks, each a worker of its own, and fulfilment with its process
// manager (chapter 15's workers, the manager saving each answer at once). A run places the same
// orders with one consistency boundary or two, and reports what the desks saw, how long they took
// and, with two, how long each accepted order waited for the stock's answer.
import {
  ordersOfDesk,
  windowsOf,
  WORKLOAD,
  type Boundary,
  type DeskReport,
  type Window,
} from '../process/workload';
import type { DeskWorkerApi } from '../workers/deskWorkerApi';
import DeskWorker from '../workers/desk.worker?worker';
import { startBenchWorker } from './benchWorker';
import { startFulfilment } from './fulfilment';

export { BOUNDARIES, WORKLOAD, type Boundary } from '../process/workload';
export { THINK_MS } from '../workers/deskWorkerApi';

export type RunReport = DeskReport & {
  boundary: Boundary;
  /** From the first read to the last desk's last append. */
  decidedMs: number;
  /** Apart only: each order's wait for the stock's answer (empty together: decided with it). */
  windows: Window[];
};

/** How long a run with two boundaries may take for the process manager to answer every order. */
const SETTLE_MS = 60_000;

const total = WORKLOAD.desks * WORKLOAD.ordersPerDesk;

export const startBoundariesBench = () => {
  const fulfilment = startFulfilment({ ackDelayMs: 0 });
  const desks = Array.from({ length: WORKLOAD.desks }, (_, i) =>
    startBenchWorker<DeskWorkerApi>(DeskWorker, `Desk ${String(i + 1)}`, { timeoutMs: 60_000 }),
  );

  /** Waits until the process manager has ended every order's process: held, or cancelled. */
  const settled = async () => {
    const until = performance.now() + SETTLE_MS;
    for (;;) {
      const orders = await fulfilment.fulfilment.orders();
      if (
        orders.length === total &&
        orders.every((o) => o.stock === 'held' || o.order === 'cancelled')
      )
        return;
      if (performance.now() > until)
        throw new Error(
          `The process manager had not answered every order after ${String(SETTLE_MS / 1000)} s`,
        );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  const prepare = async (boundary: Boundary) => {
    if (boundary === 'together') return desks[0]?.api.prepareTogether();
    await fulfilment.manager().reset();
    await fulfilment.fulfilment.reset();
    await fulfilment.fulfilment.addStock(WORKLOAD.sku, WORKLOAD.stock, 'stock');
  };

  const run = async (boundary: Boundary): Promise<RunReport> => {
    await prepare(boundary);
    const started = performance.now();
    const reports = await Promise.all(
      desks.map((desk, i) => desk.api.run(boundary, ordersOfDesk(i))),
    );
    const decidedMs = performance.now() - started;
    const sum = reports.reduce((a, r) => ({
      accepted: a.accepted + r.accepted,
      refused: a.refused + r.refused,
      conflicts: a.conflicts + r.conflicts,
    }));
    if (boundary === 'together') return { boundary, ...sum, decidedMs, windows: [] };
    await settled();
    const windows = windowsOf(await fulfilment.fulfilment.read(0, 10_000));
    return { boundary, ...sum, decidedMs, windows };
  };

  return {
    run,
    stop: () => {
      for (const desk of desks) desk.stop();
      fulfilment.stop();
    },
  };
};

export type BoundariesBench = ReturnType<typeof startBoundariesBench>;

// Drives chapters 10 and 11's comparison from the page: the same seeded workload, sent at the same
// steady rate, to each of the four designs in turn, each in its own workers and databases, started
// for its run and stopped after it so no two designs share the CPU. Every operation is timed from
// the page (send to answer), the same way for each design.
import { transfer } from 'comlink';
import { remote } from '../bus/remote';
import { withTimeout } from '../bus/timeout';
import {
  WORKLOAD_SKUS,
  WORKLOAD_STOCK,
  workload,
  type DesignRun,
  type Mix,
  type WorkloadOp,
  MIXES,
} from '../lessons/workload';
import type { CompareApi } from '../statemodel/compare';
import { DESIGN_IDS, DESIGN_NAMES, type DesignId } from '../statemodel/designs';
import CompareWorker from '../workers/compare.worker?worker';

const RATE_PER_S = 400;
const COUNT = 800;
const SEED = 20_261_123;
const SETUP_MS = 30_000;
const RUN_MS = 60_000;

export type Comparison = { mix: Mix; runs: Record<DesignId, DesignRun> };

const meta = (id: string) => ({ commandId: id, issuedAt: new Date().toISOString() });

const setupCommands = (run: string) =>
  WORKLOAD_SKUS.map((sku) => ({
    type: 'AddProduct',
    data: { sku, name: `Product ${sku}`, price: 1, stock: WORKLOAD_STOCK },
    meta: meta(`${run}-add-${sku}`),
  }));

const orderOf = (op: Extract<WorkloadOp, { kind: 'write' }>) => ({
  type: 'PlaceOrder',
  data: { orderId: op.orderId, lines: [{ sku: op.sku, quantity: 1 }] },
  meta: meta(op.orderId),
});

/** One design, seen from the page: a write and a read, each answering when done. */
type Design = {
  write: (command: unknown) => Promise<{ ok: boolean; position?: number }>;
  read: (sku: string) => Promise<{ asOfPosition: number }>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends `ops` at a steady rate, without waiting for answers, and times each one. */
const drive = async (design: Design, ops: readonly WorkloadOp[]): Promise<DesignRun> => {
  const run: DesignRun = {
    reads: [],
    writes: [],
    staleReads: 0,
    stalenessMs: 0,
    stalenessEvents: 0,
    refusedWrites: 0,
    elapsedMs: 0,
  };
  const interval = 1000 / RATE_PER_S;
  /** Each write acknowledged so far: the position of its last event, and when the page heard. */
  const acknowledged: { position: number; at: number }[] = [];
  const answers: Promise<void>[] = [];
  const began = performance.now();
  for (let i = 0; i < ops.length;) {
    const due = began + i * interval;
    const now = performance.now();
    if (now < due) {
      await sleep(due - now);
      continue;
    }
    // Everything due by now goes out together, as timers are coarse.
    while (i < ops.length && began + i * interval <= performance.now()) {
      const op = ops[i];
      i += 1;
      if (!op) continue;
      const sentAt = performance.now();
      if (op.kind === 'write') {
        answers.push(
          design.write(orderOf(op)).then((answer) => {
            const at = performance.now();
            run.writes.push(at - sentAt);
            if (!answer.ok) run.refusedWrites += 1;
            if (answer.position !== undefined) acknowledged.push({ position: answer.position, at });
          }),
        );
      } else {
        answers.push(
          design.read(op.sku).then((answer) => {
            run.reads.push(performance.now() - sentAt);
            // Writes acknowledged before this read was sent that its answer does not include.
            const missed = acknowledged.filter(
              (write) => write.at <= sentAt && write.position > answer.asOfPosition,
            );
            if (missed.length === 0) return;
            run.staleReads += 1;
            const oldest = Math.min(...missed.map((write) => write.at));
            run.stalenessMs = Math.max(run.stalenessMs, sentAt - oldest);
            const newest = Math.max(...missed.map((write) => write.position));
            run.stalenessEvents = Math.max(run.stalenessEvents, newest - answer.asOfPosition);
          }),
        );
      }
    }
  }
  await Promise.all(answers);
  run.elapsedMs = performance.now() - began;
  return run;
};

/** The workers of one design, as the page calls them: a start may take SETUP_MS, an operation a run. */
const designWorker = (worker: Worker, name: string) =>
  remote<CompareApi>(worker, {
    name,
    timeoutMs: SETUP_MS,
    slowMs: { write: RUN_MS, read: RUN_MS },
  });

/** Starts `design`'s workers (one, or a write side and a read side); `stop` ends them. */
const startDesign = async (design: DesignId) => {
  const workers: Worker[] = [];
  const start = (part: string) => {
    const name = `${DESIGN_NAMES[design]}: ${part}`;
    const worker = new CompareWorker({ name });
    workers.push(worker);
    return designWorker(worker, name);
  };
  const stop = () => {
    for (const worker of workers) worker.terminate();
  };
  try {
    const writeSide = start('write side');
    if (design === 'one-model') {
      await writeSide.startWrite(design);
      return { design: { write: writeSide.write, read: writeSide.read }, stop };
    }
    const readSide = start('view');
    if (design === 'same-transaction') {
      await writeSide.startWrite(design);
      await readSide.startRead(design);
    } else {
      const channel = new MessageChannel();
      await writeSide.startWrite(design, transfer(channel.port1, [channel.port1]));
      await readSide.startRead(design, transfer(channel.port2, [channel.port2]));
    }
    return { design: { write: writeSide.write, read: readSide.read }, stop };
  } catch (error) {
    stop(); // a design that could not start leaves no worker behind
    throw error;
  }
};

/** Adds the workload's products, then sends the workload; the workers stop afterwards. */
const runDesign = async (id: DesignId, mix: Mix): Promise<DesignRun> => {
  const readShare = MIXES.find((m) => m.id === mix)?.readShare ?? 0.5;
  const { design, stop } = await startDesign(id);
  try {
    const runId = `${id}-${mix}`;
    for (const command of setupCommands(runId)) {
      const answer = await design.write(command);
      if (!answer.ok) throw new Error(`${DESIGN_NAMES[id]} could not add the workload's products`);
    }
    const ops = workload({ readShare, count: COUNT, seed: SEED }, runId);
    return await withTimeout(drive(design, ops), RUN_MS, DESIGN_NAMES[id]);
  } finally {
    stop();
  }
};

/** Runs one mix against each design, one design after the other so they do not share the CPU. */
export const compareDesigns = async (mix: Mix): Promise<Comparison> => {
  const runs = {} as Record<DesignId, DesignRun>;
  for (const id of DESIGN_IDS) runs[id] = await runDesign(id, mix);
  return { mix, runs };
};

export const COMPARISON = { ratePerSecond: RATE_PER_S, operations: COUNT };

/** One order's trip through a design: acknowledged after `writeMs`, first read showing it after `visibleMs`. */
export type Trip = { writeMs: number; visibleMs: number };

/** One order through `id`, timed from the page: its acknowledgement, then reads until one shows it. */
export const tripThrough = async (id: DesignId): Promise<Trip> => {
  const { design, stop } = await startDesign(id);
  /** Reads, as a learner refreshing would, until one shows `position`; resolves when it does. */
  const readUntil = async (position: number) => {
    for (const deadline = performance.now() + RUN_MS; ;) {
      const read = await design.read(WORKLOAD_SKUS[0]);
      if (read.asOfPosition >= position) return;
      if (performance.now() > deadline)
        throw new Error(`${DESIGN_NAMES[id]} never showed the order to a read`);
      await sleep(1);
    }
  };
  try {
    const [add] = setupCommands(`trip-${id}`);
    const added = add ? await design.write(add) : undefined;
    if (!added?.ok) throw new Error(`${DESIGN_NAMES[id]} could not add a product`);
    // The product is read back first, so the timed trip does not include opening the stores.
    await readUntil(added.position);
    const sentAt = performance.now();
    const answer = await design.write(
      orderOf({ kind: 'write', sku: WORKLOAD_SKUS[0], orderId: `trip-${id}-1` }),
    );
    if (!answer.ok) throw new Error(`${DESIGN_NAMES[id]} refused the order`);
    const writeMs = performance.now() - sentAt;
    await readUntil(answer.position);
    return { writeMs, visibleMs: performance.now() - sentAt };
  } finally {
    stop();
  }
};

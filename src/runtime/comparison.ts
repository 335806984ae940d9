// Drives chapter 10's comparison from the page: the same seeded workload, sent at the same steady
// rate, first to the single model and then to the split design, each in its own workers and
// databases. Every operation is timed from the page (send to answer), the same way for both.
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
import type { CompareApi } from '../singlemodel/compare';
import CompareWorker from '../workers/compare.worker?worker';

const RATE_PER_S = 400;
const COUNT = 800;
const SEED = 20_261_123;
const SETUP_MS = 30_000;
const RUN_MS = 60_000;

export type Comparison = { mix: Mix; single: DesignRun; split: DesignRun };

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
  read: (sku: string) => Promise<{ asOfPosition?: number }>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends `ops` at a steady rate, without waiting for answers, and times each one. */
const drive = async (design: Design, ops: readonly WorkloadOp[]): Promise<DesignRun> => {
  const run: DesignRun = { reads: [], writes: [], staleReads: 0, refusedWrites: 0, elapsedMs: 0 };
  const interval = 1000 / RATE_PER_S;
  let acknowledged = 0; // the newest write position acknowledged so far
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
            run.writes.push(performance.now() - sentAt);
            if (!answer.ok) run.refusedWrites += 1;
            acknowledged = Math.max(acknowledged, answer.position ?? 0);
          }),
        );
      } else {
        const mustSee = acknowledged;
        answers.push(
          design.read(op.sku).then((answer) => {
            run.reads.push(performance.now() - sentAt);
            if (answer.asOfPosition !== undefined && answer.asOfPosition < mustSee)
              run.staleReads += 1;
          }),
        );
      }
    }
  }
  await Promise.all(answers);
  run.elapsedMs = performance.now() - began;
  return run;
};

/** One design's worker, as the page calls it: a start may take SETUP_MS, an operation a run. */
const designWorker = (worker: Worker, name = 'The single model') =>
  remote<CompareApi>(worker, {
    name,
    timeoutMs: SETUP_MS,
    slowMs: { single: RUN_MS, splitWrite: RUN_MS, splitRead: RUN_MS },
  });

/** Starts the three workers; `stop` ends them. */
const startDesigns = async () => {
  const workers: Worker[] = [];
  const start = (name: string) => {
    const worker = new CompareWorker({ name });
    workers.push(worker);
    return designWorker(worker, name);
  };
  const single = start('The single model');
  const splitWrite = start("The split design's write model");
  const splitRead = start("The split design's view");
  const stop = () => {
    for (const worker of workers) worker.terminate();
  };
  const channel = new MessageChannel();
  await Promise.all([
    single.startSingle(),
    splitWrite.startSplitWrite(transfer(channel.port1, [channel.port1])),
    splitRead.startSplitRead(transfer(channel.port2, [channel.port2])),
  ]).catch((error: unknown) => {
    stop(); // a comparison that could not start leaves no worker behind
    throw error;
  });
  const designs: { single: Design; split: Design } = {
    single: {
      write: async (command) => {
        const answer = await single.single({ kind: 'write', command });
        return { ok: answer.kind === 'write' && answer.ok };
      },
      read: async (sku) => {
        await single.single({ kind: 'read', sku });
        return {};
      },
    },
    split: {
      write: (command) => splitWrite.splitWrite(command),
      read: (sku) => splitRead.splitRead(sku),
    },
  };
  return { designs, stop };
};

/** Runs one mix against both designs, one design after the other so they do not share the CPU. */
export const compareDesigns = async (mix: Mix): Promise<Comparison> => {
  const readShare = MIXES.find((m) => m.id === mix)?.readShare ?? 0.5;
  const { designs, stop } = await startDesigns();
  try {
    const result = { mix } as Comparison;
    for (const name of ['single', 'split'] as const) {
      const design = designs[name];
      const runId = `${name}-${mix}`;
      for (const command of setupCommands(runId)) {
        const answer = await design.write(command);
        if (!answer.ok) throw new Error(`The ${name} design could not add the workload's products`);
      }
      const ops = workload({ readShare, count: COUNT, seed: SEED }, runId);
      result[name] = await withTimeout(drive(design, ops), RUN_MS, `The ${name} design`);
    }
    return result;
  } finally {
    stop();
  }
};

export const COMPARISON = { ratePerSecond: RATE_PER_S, operations: COUNT };

/** One order through the single model: time to acknowledge it, and to read it back. */
export const singleModelTrip = async (): Promise<{ writeMs: number; readMs: number }> => {
  const worker = new CompareWorker({ name: 'single model' });
  try {
    const single = designWorker(worker);
    await single.startSingle();
    const [add] = setupCommands('trip');
    await single.single({ kind: 'write', command: add });
    const sentAt = performance.now();
    const answer = await single.single({
      kind: 'write',
      command: orderOf({ kind: 'write', sku: WORKLOAD_SKUS[0], orderId: 'trip-1' }),
    });
    if (answer.kind !== 'write' || !answer.ok)
      throw new Error('The single model refused the order');
    const writeMs = performance.now() - sentAt;
    await single.single({ kind: 'read', sku: WORKLOAD_SKUS[0] });
    return { writeMs, readMs: performance.now() - sentAt };
  } finally {
    worker.terminate();
  }
};

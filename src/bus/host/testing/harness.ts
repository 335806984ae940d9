// The bus host driven by fakes, shared by its tests: an in-memory log stands in for the write
// model, in-memory views for the read workers, and a clock the test moves by hand, so every
// hand-over can be seen and replayed.
import type {
  ApplyResult,
  CommandOutcome,
  EventsDelivery,
  Progress,
  TraceMessage,
  ViewQuery,
  ViewUndo,
  ClockFrame,
  TraceFrame,
  Traced,
} from '../../protocol';
import type { LabCommand } from '../../../domain/lab';
import type { StoredEvent } from '../../../domain/types';
import { createBusHost, type BusHostDeps, type ViewEndpoint, type WriteEndpoint } from '../index';

export const SEED = 7;
export const ORDER_STATUS = 'Order status';
export const STOCK_LEVELS = 'Stock levels';

// ---- The write model: an in-memory log that places orders ----

type PlaceOrder = Extract<LabCommand, { type: 'PlaceOrder' }>;

export const placeOrder = (orderId: string, commandId = `place-${orderId}`): PlaceOrder => ({
  type: 'PlaceOrder',
  data: { orderId, lines: [] },
  meta: { commandId, issuedAt: '2025-03-01T10:00:00.000Z' },
});

export const orderPlaced = (orderId: string, commandId: string, position: number): StoredEvent => ({
  type: 'OrderPlaced',
  data: { orderId },
  position,
  streamId: `order-${orderId}`,
  version: 1,
  meta: {
    commandId,
    correlationId: commandId,
    causationId: commandId,
    recordedAt: '2025-03-01T10:00:00.000Z',
    schemaVersion: 2,
    commandType: 'Test',
  },
});

export type FakeLog = WriteEndpoint & {
  events: StoredEvent[];
  /** Command ids in the order the write model was handed them. */
  handled: string[];
  /** The command ids of every `undo` call. */
  undone: string[][];
  resets: number;
  /** Every position the bus said all views had applied (outbox designs). */
  relayedUpTo: number[];
};

const headOf = (log: FakeLog) => log.events.at(-1)?.position ?? 0;

/**
 * Places an order once per command id; a second order with the same id is rejected. Any other
 * command (the workload's products) stands for an order named after its command id.
 */
const decide = (log: FakeLog, command: LabCommand): CommandOutcome => {
  const { commandId } = command.meta;
  const orderId = command.type === 'PlaceOrder' ? command.data.orderId : commandId;
  log.handled.push(commandId);
  const earlier = log.events.filter((e) => e.meta.commandId === commandId);
  if (earlier.length > 0)
    return { status: 'accepted', commandId, events: earlier, duplicate: true };
  if (log.events.some((e) => e.streamId === `order-${orderId}`))
    return { status: 'rejected', commandId, reason: `Order ${orderId} is already placed` };
  const event = orderPlaced(orderId, commandId, headOf(log) + 1);
  log.events.push(event);
  return { status: 'accepted', commandId, events: [event], duplicate: false };
};

const fakeLog = (): FakeLog => {
  const log: FakeLog = {
    events: [],
    handled: [],
    undone: [],
    resets: 0,
    relayedUpTo: [],
    handle: (commands) => Promise.resolve(commands.map((c) => decide(log, c))),
    undo: (commandIds) => {
      log.undone.push(commandIds);
      log.events = log.events.filter((e) => !commandIds.includes(e.meta.commandId));
      return Promise.resolve(headOf(log));
    },
    reset: () => {
      log.resets += 1;
      log.events = [];
      return Promise.resolve();
    },
    relayed: (position) => {
      log.relayedUpTo.push(position);
      return Promise.resolve();
    },
  };
  return log;
};

// ---- A read view: order id → 'placed', idempotent by position, closing gaps from the log ----

type FakeView = ViewEndpoint & {
  name: string;
  checkpoint: number;
  head: number;
  rows: Record<string, string>;
  /** Positions in the order they changed the view. */
  applied: number[];
  /** The positions of every batch handed over, in order (duplicates included). */
  received: number[][];
  headMoves: number[];
  resets: number;
  aborted: boolean;
  /** While above 0, `apply` fails (a worker whose storage throws) and counts down. */
  failingApplies: number;
  failedApplies: number;
  /** While above 0, `rebuild` fails and counts down; null: it never ends (a hung worker). */
  failingRebuilds: number | null;
  /** Its last progress report arrives after its answer (they travel on different ports). */
  lateProgress: boolean;
  /** Every duplicate-check setting it was given, in order. */
  duplicateChecks: boolean[];
  /** The positions of each commit it was asked to show ('in-write' designs). */
  refreshed: number[][];
};

const orderIdOf = (event: StoredEvent) => (event.data as { orderId: string }).orderId;

export const fakeView = (name: string, log: FakeLog, from?: FakeView): FakeView => {
  /** Calls that never end by themselves; a kill (abort) fails them, as the real remote view does. */
  const hanging: ((error: Error) => void)[] = [];
  const view: FakeView = {
    name,
    checkpoint: from?.checkpoint ?? 0,
    head: from?.head ?? 0,
    rows: { ...from?.rows },
    applied: [],
    received: [],
    headMoves: [],
    resets: 0,
    aborted: false,
    failingApplies: 0,
    failedApplies: 0,
    failingRebuilds: 0,
    lateProgress: false,
    duplicateChecks: [],
    refreshed: [],
    catchUp: () => call(() => catchUp(() => undefined)),
    setDuplicateCheck: (on) =>
      call(() => {
        view.duplicateChecks.push(on);
      }),
    start: (progress) => call(() => catchUp(progress)),
    rebuild: (progress) => {
      if (view.failingRebuilds === null)
        return new Promise<never>((_, reject) => hanging.push(reject));
      if (view.failingRebuilds > 0) {
        view.failingRebuilds -= 1;
        return Promise.reject(new Error('QuotaExceededError'));
      }
      return call(() => {
        Object.assign(view, { rows: {}, applied: [], checkpoint: 0 });
        const caughtUp = catchUp(view.lateProgress ? () => undefined : progress);
        if (view.lateProgress)
          setTimeout(() => {
            progress(caughtUp.checkpoint, caughtUp.head);
          }, 0);
        return caughtUp;
      });
    },
    apply: (delivery) => {
      if (view.failingApplies > 0) {
        view.failingApplies -= 1;
        view.failedApplies += 1;
        return Promise.reject(new Error(`${name} could not write`));
      }
      return call(() => apply(delivery));
    },
    undo: (undo) => call(() => takeBack(undo)),
    reset: () =>
      call(() => {
        Object.assign(view, { rows: {}, applied: [], checkpoint: 0, head: 0 });
        view.resets += 1;
      }),
    headMovedTo: (position) =>
      call(() => {
        view.head = position;
        view.headMoves.push(position);
        return { checkpoint: view.checkpoint, head: view.head };
      }),
    ask: (query) => call(() => answer(query)),
    refresh: (events, head) =>
      call(() => {
        view.refreshed.push(events.map((e) => e.position));
        view.head = Math.max(view.head, head);
      }),
    abort: () => {
      view.aborted = true;
      for (const reject of hanging.splice(0)) reject(new Error(`${name} was stopped`));
    },
  };

  /** A stopped worker answers nothing any more, like the bus's remote view after `abort`. */
  const call = <T>(work: () => T): Promise<Traced<T>> =>
    view.aborted
      ? Promise.reject(new Error(`${name} was stopped`))
      : Promise.resolve({ value: work(), frames: [] });

  const project = (event: StoredEvent, before: Map<string, string | null>) => {
    const key = orderIdOf(event);
    if (!before.has(key)) before.set(key, view.rows[key] ?? null);
    view.rows[key] = 'placed';
    view.applied.push(event.position);
    view.checkpoint = event.position;
  };

  const catchUp = (progress: Progress) => {
    const total = headOf(log);
    progress(view.checkpoint, total);
    for (const event of log.events.filter((e) => e.position > view.checkpoint)) {
      project(event, new Map());
      progress(view.checkpoint, total);
    }
    view.head = Math.max(view.head, total);
    return { checkpoint: view.checkpoint, head: view.head };
  };

  const apply = (delivery: EventsDelivery): ApplyResult => {
    view.received.push(delivery.events.map((e) => e.position));
    view.head = Math.max(view.head, delivery.head);
    const fromCheckpoint = view.checkpoint;
    const before = new Map<string, string | null>();
    for (const event of delivery.events) {
      if (event.position <= view.checkpoint) continue; // already applied: a duplicate
      const gap = log.events.filter(
        (e) => e.position > view.checkpoint && e.position < event.position,
      );
      for (const missing of gap) project(missing, before);
      project(event, before);
    }
    const changes = [...before].map(([key, value]) => ({ key, value }));
    return {
      checkpoint: view.checkpoint,
      head: view.head,
      undo: { before: changes, fromCheckpoint, toCheckpoint: view.checkpoint },
    };
  };

  const takeBack = (undo: ViewUndo) => {
    if (view.checkpoint !== undo.toCheckpoint) return false;
    for (const { key, value } of undo.before)
      if (value === null) Reflect.deleteProperty(view.rows, key);
      else view.rows[key] = value as string;
    view.checkpoint = undo.fromCheckpoint;
    view.applied = view.applied.filter((p) => p <= undo.fromCheckpoint);
    return true;
  };

  const answer = (query: ViewQuery) => ({
    data: query.kind === 'key' ? (view.rows[query.key] ?? null) : Object.keys(view.rows),
    asOfPosition: view.checkpoint,
    headPosition: view.head,
    servedBy: name,
  });

  return view;
};

// ---- Real time, moved by the test ----

const fakeClock = () => {
  let now = 0;
  const sleepers: { until: number; wakeUp: () => void }[] = [];
  /** Lets every promise the bus is waiting on settle. */
  const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  return {
    realNow: () => now,
    sleep: (ms: number, wake: Promise<void>) =>
      new Promise<void>((resolve) => {
        sleepers.push({ until: now + ms, wakeUp: resolve });
        void wake.then(resolve);
      }),
    flush,
    /** Real time that passes while a receiver works (no sleeper wakes for it). */
    pass: (ms: number) => {
      now += ms;
    },
    /** Lets `ms` of real time pass, a frame (16 ms) at a time, and the bus run in between. */
    advance: async (ms: number) => {
      const end = now + ms;
      while (now < end) {
        now = Math.min(end, now + 16);
        for (const sleeper of sleepers.filter((s) => s.until <= now)) {
          sleepers.splice(sleepers.indexOf(sleeper), 1);
          sleeper.wakeUp();
        }
        await flush();
      }
    },
  };
};

// ---- The lab: a paused bus with two views attached ----

type FrameOf<K extends TraceFrame['kind']> = Extract<TraceFrame, { kind: K }>;

export const framesOf = <K extends TraceFrame['kind']>(frames: readonly TraceFrame[], kind: K) =>
  frames.filter((frame): frame is FrameOf<K> => frame.kind === kind);

export type EventsSummary = { count: number; first: number; last: number; head: number };

export const lab = async (seed = SEED, design: Pick<BusHostDeps, 'views' | 'noRebuild'> = {}) => {
  const log = fakeLog();
  const frames: TraceFrame[] = [];
  const clock = fakeClock();
  const host = createBusHost({
    seed,
    write: log,
    emit: (frame) => {
      frames.push(frame);
    },
    realNow: clock.realNow,
    sleep: clock.sleep,
    ...design,
  });
  await host.pause();
  const orderStatus = fakeView(ORDER_STATUS, log);
  const stockLevels = fakeView(STOCK_LEVELS, log);
  await host.attachView(ORDER_STATUS, orderStatus);
  await host.attachView(STOCK_LEVELS, stockLevels);
  const lastClock = (): ClockFrame | undefined => framesOf(frames, 'clock').at(-1);
  return {
    host,
    log,
    frames,
    clock,
    orderStatus,
    stockLevels,
    views: [orderStatus, stockLevels],
    lastClock,
    pendingIds: () => host.queue().map((m) => m.id),
    deliveries: () => framesOf(frames, 'delivered').map(({ ids, at, to }) => ({ ids, at, to })),
    sentMessage: (id: number): TraceMessage | undefined =>
      framesOf(frames, 'sent').find((f) => f.message.id === id)?.message,
    /** Steps until nothing is pending; returns how many steps handed something over. */
    stepAll: async () => {
      let steps = 0;
      while ((await host.step()).length > 0) steps += 1;
      return steps;
    },
  };
};

export type Lab = Awaited<ReturnType<typeof lab>>;

export const ascending = (a: number, b: number) => a - b;

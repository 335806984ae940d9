// The bus host driven by fakes: an in-memory log stands in for the write model, in-memory views for
// the read workers, and a clock the test moves by hand, so every hand-over can be seen and replayed.
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUS_SETTINGS } from '../defaults';
import {
  UI,
  WRITE_MODEL,
  type ApplyResult,
  type CommandOutcome,
  type EventsDelivery,
  type Progress,
  type TraceMessage,
  type ViewQuery,
  type ViewUndo,
  type ClockFrame,
  type TraceFrame,
  type Traced,
} from '../protocol';
import type { LabCommand } from '../../domain/lab';
import type { StoredEvent } from '../../domain/types';
import { createBusHost, type ViewEndpoint, type WriteEndpoint } from './index';

const SEED = 7;
const ORDER_STATUS = 'Order status';
const STOCK_LEVELS = 'Stock levels';

// ---- The write model: an in-memory log that places orders ----

type PlaceOrder = Extract<LabCommand, { type: 'PlaceOrder' }>;

const placeOrder = (orderId: string, commandId = `place-${orderId}`): PlaceOrder => ({
  type: 'PlaceOrder',
  data: { orderId, lines: [] },
  meta: { commandId, issuedAt: '2025-03-01T10:00:00.000Z' },
});

const orderPlaced = (orderId: string, commandId: string, position: number): StoredEvent => ({
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

type FakeLog = WriteEndpoint & {
  events: StoredEvent[];
  /** Command ids in the order the write model was handed them. */
  handled: string[];
  /** The command ids of every `undo` call. */
  undone: string[][];
  resets: number;
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
};

const orderIdOf = (event: StoredEvent) => (event.data as { orderId: string }).orderId;

const fakeView = (name: string, log: FakeLog, from?: FakeView): FakeView => {
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

const framesOf = <K extends TraceFrame['kind']>(frames: readonly TraceFrame[], kind: K) =>
  frames.filter((frame): frame is FrameOf<K> => frame.kind === kind);

type EventsSummary = { count: number; first: number; last: number; head: number };

const lab = async (seed = SEED) => {
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

type Lab = Awaited<ReturnType<typeof lab>>;

/** Everything a step back must restore, as the learner (and the fakes) see it. */
const stateOf = (l: Lab) => ({
  pending: l.pendingIds(),
  now: l.lastClock()?.now,
  history: l.lastClock()?.history,
  log: l.log.events.map((e) => [e.position, e.meta.commandId]),
  views: l.views.map((v) => ({
    checkpoint: v.checkpoint,
    applied: [...v.applied],
    rows: { ...v.rows },
  })),
});

const ascending = (a: number, b: number) => a - b;

describe('The bus host', () => {
  describe('When stepping', () => {
    it('hands over exactly one message per step, the next due, until nothing is pending', async () => {
      const { host, log, orderStatus, stockLevels, lastClock, deliveries } = await lab();
      const command = host.sendCommand(placeOrder('o-1'));
      expect(lastClock()).toMatchObject({ pending: 1, playing: false, now: 0 });
      expect(log.handled).toEqual([]);

      expect(await host.step()).toEqual([command]);
      expect(log.handled).toEqual(['place-o-1']);
      expect(lastClock()).toMatchObject({ now: 30, pending: 3, history: 1 });
      const replies = host.queue();
      // The write model is busy for 10 ms with the command; its replies leave after that.
      expect(replies.map((m) => m.sentAt)).toEqual([40, 40, 40]);
      expect(replies.map((m) => [m.kind, m.to, m.causationId])).toEqual([
        ['outcome', UI, command],
        ['events', ORDER_STATUS, command],
        ['events', STOCK_LEVELS, command],
      ]);

      for (const [i, reply] of replies.entries()) {
        expect(await host.step()).toEqual([reply.id]);
        expect(deliveries()).toHaveLength(i + 2);
        expect(lastClock()).toMatchObject({ now: reply.deliverAt, pending: 2 - i });
      }
      expect(deliveries().slice(1)).toEqual(
        replies.map((m) => ({ ids: [m.id], at: m.deliverAt, to: m.to })),
      );
      expect(await host.step()).toEqual([]);
      expect(orderStatus.received).toEqual([[1]]);
      expect(stockLevels.received).toEqual([[1]]);
    });

    it('hands over one of two commands due at the same time, the older first', async () => {
      const { host, log } = await lab();
      host.sendCommand(placeOrder('o-1'));
      host.sendCommand(placeOrder('o-2'));
      await host.step();
      expect(log.handled).toEqual(['place-o-1']);
      await host.step();
      expect(log.handled).toEqual(['place-o-1', 'place-o-2']);
    });

    it('sends a rejected command only its outcome, and the views nothing', async () => {
      const { host, log } = await lab();
      host.sendCommand(placeOrder('o-1'));
      await host.settle();
      const again = host.sendCommand(placeOrder('o-1', 'place-o-1-again'));
      await host.step();
      expect(log.events).toHaveLength(1);
      expect(host.queue()).toMatchObject([
        { kind: 'outcome', to: UI, causationId: again, payload: { status: 'rejected' } },
      ]);
    });
  });

  describe('When the same scenario runs twice', () => {
    const scenario = async (seed: number) => {
      const { host, clock, frames } = await lab(seed);
      host.sendCommand(placeOrder('o-1'));
      host.sendCommand(placeOrder('o-2'));
      await host.step();
      await host.step();
      host.play();
      await clock.advance(96);
      host.sendCommand(placeOrder('o-3'));
      await clock.advance(112);
      await host.pause();
      host.sendQuery(STOCK_LEVELS, { kind: 'all' });
      await host.settle();
      return frames;
    };

    it('emits the identical trace for the same seed', async () => {
      const first = await scenario(SEED);
      const second = await scenario(SEED);
      expect(framesOf(first, 'delivered').length).toBeGreaterThan(10);
      expect(second).toEqual(first);
    });

    it('times the views differently for another seed', async () => {
      const times = (frames: TraceFrame[]) => framesOf(frames, 'delivered').map((f) => f.at);
      expect(times(await scenario(SEED + 1))).not.toEqual(times(await scenario(SEED)));
    });
  });

  describe('When paused and played again', () => {
    it('loses nothing and reorders nothing', async () => {
      const l = await lab();
      const { host, clock, log, frames, deliveries } = l;
      host.sendCommand(placeOrder('o-1'));
      host.sendCommand(placeOrder('o-2'));
      host.play();
      await clock.advance(48);
      await host.pause();
      const whilePaused = deliveries().length;
      host.sendCommand(placeOrder('o-3'));
      await clock.advance(500);
      expect(deliveries()).toHaveLength(whilePaused);
      await host.step();
      await host.step();
      host.play();
      await clock.advance(144);
      host.sendCommand(placeOrder('o-4'));
      host.sendCommand(placeOrder('o-5'));
      await clock.advance(32);
      await host.pause();
      await host.step();
      await host.settle();

      expect(log.handled).toEqual(['o-1', 'o-2', 'o-3', 'o-4', 'o-5'].map((o) => `place-${o}`));
      for (const view of l.views) expect(view.applied).toEqual([1, 2, 3, 4, 5]);
      expect(host.queue()).toEqual([]);
      const sent = framesOf(frames, 'sent').map((f) => f.message.id);
      const handedOver = deliveries().flatMap((d) => d.ids);
      expect([...handedOver].sort(ascending)).toEqual([...sent].sort(ascending));
      // Virtual time never runs backwards, and each receiver gets its mail in order of due time.
      const times = deliveries().map((d) => d.at);
      expect(times).toEqual([...times].sort(ascending));
      for (const receiver of [WRITE_MODEL, UI, ORDER_STATUS, STOCK_LEVELS]) {
        const due = deliveries()
          .filter((d) => d.to === receiver)
          .flatMap((d) => d.ids)
          .map((id) => l.sentMessage(id)?.deliverAt ?? Number.NaN);
        expect(due).toEqual([...due].sort(ascending));
      }
    });
  });

  describe('When stepping back', () => {
    it('restores queue, clock, views and log at every step, and replays the same steps forward', async () => {
      const l = await lab();
      l.host.sendCommand(placeOrder('o-1'));
      l.host.sendCommand(placeOrder('o-2'));
      const states = [stateOf(l)];
      while ((await l.host.step()).length > 0) states.push(stateOf(l));
      expect(states).toHaveLength(9); // 2 commands, 2 outcomes, 2 × 2 events
      const forward = l.deliveries();

      for (let i = states.length - 1; i > 0; i -= 1) {
        expect(await l.host.stepBack()).toBe(true);
        expect(stateOf(l)).toEqual(states[i - 1]);
      }
      expect(await l.host.stepBack()).toBe(false);

      expect(await l.stepAll()).toBe(8);
      expect(l.deliveries().slice(forward.length)).toEqual(forward);
      expect(stateOf(l)).toEqual(states.at(-1));
    });

    it('takes a command back from the log, withdraws its replies and reports the shorter log', async () => {
      const { host, log, frames, views, pendingIds, lastClock } = await lab();
      const command = host.sendCommand(placeOrder('o-1'));
      await host.step();
      const replies = pendingIds();

      expect(await host.stepBack()).toBe(true);
      expect(log.undone).toEqual([['place-o-1']]);
      expect(log.events).toEqual([]);
      expect(framesOf(frames, 'unappended')).toEqual([{ kind: 'unappended', head: 0 }]);
      expect(framesOf(frames, 'undelivered')).toMatchObject([
        { messages: [{ id: command }], withdrawn: [...replies].sort(ascending) },
      ]);
      for (const view of views) expect(view.headMoves).toEqual([0]);
      expect(pendingIds()).toEqual([command]);
      expect(lastClock()).toMatchObject({ now: 0, pending: 1, history: 0 });
    });

    it('takes a view delivery back through the view, leaving the log alone', async () => {
      const { host, log, orderStatus } = await lab();
      host.sendCommand(placeOrder('o-1'));
      await host.step(); // the command
      await host.step(); // its outcome
      await host.step(); // Order status gets position 1
      expect(orderStatus.rows).toEqual({ 'o-1': 'placed' });

      await host.stepBack();
      expect(orderStatus).toMatchObject({ checkpoint: 0, rows: {}, applied: [] });
      expect(log.undone).toEqual([]);
    });

    it('asks for a stopped view to be restarted before stepping back past its delivery', async () => {
      const { host, frames, stockLevels } = await lab();
      host.sendCommand(placeOrder('o-1'));
      await host.settle();
      host.stopView(STOCK_LEVELS);

      expect(await host.stepBack()).toBe(false);
      expect(framesOf(frames, 'notice').at(-1)?.text).toMatch(/Restart Stock levels/);
      expect(stockLevels.checkpoint).toBe(1);
    });

    // Seen (since fixed): the undo of a view delivery kept the endpoint that took it, so after a
    // restart step back called the dead one and could never get past that delivery.
    it('takes a delivery back through the restarted view, not the stopped one', async () => {
      const { host, log, stockLevels } = await lab();
      host.sendCommand(placeOrder('o-1'));
      await host.settle(); // Stock levels' delivery is the last one
      host.stopView(STOCK_LEVELS);
      const restarted = fakeView(STOCK_LEVELS, log, stockLevels);
      await host.attachView(STOCK_LEVELS, restarted);

      expect(await host.stepBack()).toBe(true);
      expect(restarted.checkpoint).toBe(0);
    });

    // Seen (since fixed): a duplicate injected after a command was handed over is a reply of that
    // delivery too, but step back withdrew only the original replies; the copy stayed pending with
    // an event the log no longer held.
    it('withdraws duplicated replies too, so no view is handed an event the log lost', async () => {
      const { host, log, orderStatus } = await lab();
      const command = host.sendCommand(placeOrder('o-1'));
      await host.step();
      const toOrderStatus = host.queue().find((m) => m.to === ORDER_STATUS);
      host.duplicate(toOrderStatus?.id ?? 0);

      await host.stepBack();
      expect(log.events).toEqual([]);
      host.drop(command); // the learner now loses the command on purpose
      await host.settle();
      expect(orderStatus.applied).toEqual([]);
    });
  });

  describe('When a view is paused, stopped or restarted', () => {
    it('keeps a paused view’s mail while the others get theirs, then delivers the backlog in order', async () => {
      const { host, frames, orderStatus, stockLevels, deliveries, stepAll } = await lab();
      host.pauseView(STOCK_LEVELS);
      expect(framesOf(frames, 'view-phase').at(-1)).toEqual({
        kind: 'view-phase',
        view: STOCK_LEVELS,
        phase: 'paused',
      });
      host.sendCommand(placeOrder('o-1'));
      host.sendCommand(placeOrder('o-2'));
      await stepAll();
      expect(orderStatus.applied).toEqual([1, 2]);
      expect(stockLevels.received).toEqual([]);
      // Its backlog, in order of due time (jitter may let position 2 overtake position 1).
      const backlog = host.queue();
      expect(backlog.map((m) => m.to)).toEqual([STOCK_LEVELS, STOCK_LEVELS]);
      const positions = backlog.map((m) => [(m.payload as EventsSummary).first]);
      expect(positions.flat().sort(ascending)).toEqual([1, 2]);

      host.resumeView(STOCK_LEVELS);
      const before = deliveries().length;
      expect(await host.step()).toEqual([backlog[0]?.id]);
      expect(await host.step()).toEqual([backlog[1]?.id]);
      expect(
        deliveries()
          .slice(before)
          .map((d) => d.to),
      ).toEqual([STOCK_LEVELS, STOCK_LEVELS]);
      expect(stockLevels.received).toEqual(positions);
      expect(stockLevels.applied).toEqual([1, 2]);
    });

    it('holds a stopped view’s mail, starts the restarted worker, then delivers the backlog', async () => {
      const { host, log, frames, orderStatus, stockLevels } = await lab();
      host.sendCommand(placeOrder('o-1'));
      await host.settle();
      host.stopView(STOCK_LEVELS);
      expect(stockLevels.aborted).toBe(true);
      host.sendCommand(placeOrder('o-2'));
      await host.settle();
      expect(orderStatus.applied).toEqual([1, 2]);
      expect(stockLevels.received).toEqual([[1]]);
      expect(host.queue().map((m) => m.to)).toEqual([STOCK_LEVELS]);

      const restarted = fakeView(STOCK_LEVELS, log, stockLevels);
      const seen = frames.length;
      await host.attachView(STOCK_LEVELS, restarted);
      expect(framesOf(frames.slice(seen), 'view-phase')).toEqual([
        { kind: 'view-phase', view: STOCK_LEVELS, phase: 'starting' },
        {
          kind: 'view-phase',
          view: STOCK_LEVELS,
          phase: 'starting',
          progress: { done: 1, total: 2 },
        },
        {
          kind: 'view-phase',
          view: STOCK_LEVELS,
          phase: 'starting',
          progress: { done: 2, total: 2 },
        },
        { kind: 'view-phase', view: STOCK_LEVELS, phase: 'running' },
      ]);
      await host.settle();
      expect(restarted.received).toEqual([[2]]); // the backlog, already caught up: skipped
      expect(restarted.applied).toEqual([2]);
      expect(host.queue()).toEqual([]);
    });
  });

  describe('When another tab appends to the log', () => {
    it('has every running view read what it has not seen, and leaves a paused one alone', async () => {
      const { host, log, orderStatus, stockLevels } = await lab();
      host.pauseView(STOCK_LEVELS);
      // Another tab's write model appended these: this bus never carried them.
      log.events.push(orderPlaced('o-1', 'other-1', 1), orderPlaced('o-2', 'other-2', 2));

      await host.catchUpViews();

      expect(orderStatus.applied).toEqual([1, 2]);
      expect(stockLevels.applied).toEqual([]);
      host.resumeView(STOCK_LEVELS);
      await host.catchUpViews();
      expect(stockLevels.applied).toEqual([1, 2]);
    });
  });

  describe('When the workload runs again after a reload', () => {
    it('names its commands anew, so the log does not take them for repeats', async () => {
      const ids = async () => {
        const { host, log } = await lab();
        host.startLoad({ perSecond: 10, readShare: 0, seconds: 1 });
        await host.settle();
        return log.handled;
      };
      const first = await ids();
      const second = await ids(); // a new bus, as after a reload, on the same log
      expect(first.length).toBeGreaterThan(5);
      expect(second.filter((id) => first.includes(id))).toEqual([]);
    });
  });

  describe('When several views have mail due', () => {
    it('hands it to them at the same time, and a step back still undoes one delivery at a time', async () => {
      const { host, orderStatus, stockLevels, clock, pendingIds } = await lab();
      let open: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (open = resolve));
      const started: string[] = [];
      for (const view of [orderStatus, stockLevels]) {
        const apply = view.apply;
        view.apply = async (delivery) => {
          started.push(view.name);
          await gate;
          return apply(delivery);
        };
      }
      host.sendCommand(placeOrder('o-1'));
      const settling = host.settle();
      for (let i = 0; i < 20 && started.length < 2; i += 1) await clock.flush();
      // Both views are applying before either has finished.
      expect(started.sort()).toEqual([ORDER_STATUS, STOCK_LEVELS]);
      open();
      await settling;
      expect(orderStatus.applied).toEqual([1]);
      expect(stockLevels.applied).toEqual([1]);

      expect(await host.stepBack()).toBe(true);
      expect(pendingIds()).toHaveLength(1);
      expect(await host.stepBack()).toBe(true);
      expect(pendingIds()).toHaveLength(2);
      expect([orderStatus.checkpoint, stockLevels.checkpoint]).toEqual([0, 0]);
    });
  });

  describe('When a view’s duplicate check is turned off', () => {
    it('tells its worker, keeps it off across a restart, and turns it on again on reset', async () => {
      const { host, log, frames, stockLevels } = await lab();
      await host.setDuplicateCheck(STOCK_LEVELS, false);
      expect(stockLevels.duplicateChecks).toEqual([false]);
      expect(framesOf(frames, 'view-duplicate-check')).toEqual([
        { kind: 'view-duplicate-check', view: STOCK_LEVELS, on: false },
      ]);

      host.stopView(STOCK_LEVELS);
      const restarted = fakeView(STOCK_LEVELS, log, stockLevels);
      await host.attachView(STOCK_LEVELS, restarted);
      expect(restarted.duplicateChecks).toEqual([false]);

      await host.reset();
      expect(restarted.duplicateChecks).toEqual([false, true]);
      expect(framesOf(frames, 'view-duplicate-check').at(-1)).toEqual({
        kind: 'view-duplicate-check',
        view: STOCK_LEVELS,
        on: true,
      });
    });
  });

  describe('When the UI asks a view', () => {
    it('answers with a message to the UI caused by the query', async () => {
      const { host } = await lab();
      host.sendCommand(placeOrder('o-1'));
      await host.settle();
      const query: ViewQuery = { kind: 'key', key: 'o-1' };
      const asked = host.sendQuery(ORDER_STATUS, query);
      expect(host.queue()).toMatchObject([{ id: asked, kind: 'query', to: ORDER_STATUS }]);

      expect(await host.step()).toEqual([asked]);
      expect(host.queue()).toMatchObject([
        {
          kind: 'answer',
          from: ORDER_STATUS,
          to: UI,
          causationId: asked,
          payload: {
            query,
            answer: { data: 'placed', asOfPosition: 1, headPosition: 1, servedBy: ORDER_STATUS },
          },
        },
      ]);
    });
  });

  describe('When a fault is injected', () => {
    it('never hands over a dropped message', async () => {
      const { host, frames, orderStatus, stockLevels, lastClock, deliveries } = await lab();
      host.sendCommand(placeOrder('o-1'));
      await host.step();
      const lost = host.queue().find((m) => m.to === STOCK_LEVELS)?.id ?? 0;

      host.drop(lost);
      expect(framesOf(frames, 'dropped')).toEqual([{ kind: 'dropped', ids: [lost] }]);
      expect(host.queue().map((m) => m.id)).not.toContain(lost);
      expect(lastClock()?.pending).toBe(2);
      await host.settle();
      expect(deliveries().flatMap((d) => d.ids)).not.toContain(lost);
      expect(stockLevels.received).toEqual([]);
      expect(orderStatus.applied).toEqual([1]);
    });

    it('hands over a duplicated message twice, and the view skips the copy', async () => {
      const { host, frames, orderStatus, stepAll } = await lab();
      host.sendCommand(placeOrder('o-1'));
      await host.step();
      const original = host.queue().find((m) => m.to === ORDER_STATUS);

      host.duplicate(original?.id ?? 0);
      const copy = framesOf(frames, 'sent').at(-1)?.message;
      expect(copy).toMatchObject({ to: ORDER_STATUS, payload: original?.payload });
      expect(copy?.id).not.toBe(original?.id);
      expect(host.queue()).toHaveLength(4);
      await stepAll();
      expect(orderStatus.received).toEqual([[1], [1]]);
      expect(orderStatus.applied).toEqual([1]);
    });
  });

  describe('When reset', () => {
    it('empties the queue, the log and every view, and starts the clock again', async () => {
      const { host, log, frames, views, lastClock } = await lab();
      host.sendCommand(placeOrder('o-1'));
      host.sendCommand(placeOrder('o-2'));
      await host.step();
      await host.step();
      expect(host.queue().length).toBeGreaterThan(0);

      await host.reset();
      expect(host.queue()).toEqual([]);
      expect(log.resets).toBe(1);
      for (const view of views) expect(view.resets).toBe(1);
      expect(framesOf(frames, 'reset')).toHaveLength(1);
      expect(lastClock()).toMatchObject({ now: 0, pending: 0, history: 0 });
      expect(await host.stepBack()).toBe(false);

      host.sendCommand(placeOrder('o-3'));
      await host.settle();
      for (const view of views) expect(view.applied).toEqual([1]);
    });
  });

  describe('When a view’s delay is put back to its default', () => {
    it('delivers its next mail after the delay it started with', async () => {
      const { host } = await lab();
      host.setDelay(STOCK_LEVELS, 5_000);
      expect(host.settingsOf(STOCK_LEVELS).delayMs).toBe(5_000);

      const initial = DEFAULT_BUS_SETTINGS[STOCK_LEVELS]?.delayMs ?? Number.NaN;
      expect(host.resetDelay(STOCK_LEVELS)).toBe(initial);
      expect(host.settingsOf(STOCK_LEVELS).delayMs).toBe(initial);

      host.sendCommand(placeOrder('o-1'));
      await host.step(); // the command: its events are sent to each view
      const events = host.queue().find((m) => m.to === STOCK_LEVELS && m.kind === 'events');
      const jitterMs = DEFAULT_BUS_SETTINGS[STOCK_LEVELS]?.jitterMs ?? 0;
      const waits = (events?.deliverAt ?? Number.NaN) - (events?.sentAt ?? 0);
      expect(waits).toBeGreaterThanOrEqual(initial);
      expect(waits).toBeLessThan(initial + jitterMs);
    });
  });

  describe('When playing live', () => {
    it('hands a command over once its delay has passed in real time', async () => {
      const { host, clock, log, deliveries } = await lab();
      host.sendCommand(placeOrder('o-1'));
      host.play();
      await clock.advance(16);
      expect(log.handled).toEqual([]);
      await clock.advance(16);
      expect(log.handled).toEqual(['place-o-1']);
      expect(deliveries()).toEqual([{ ids: [1], at: 30, to: WRITE_MODEL }]);
      await host.pause();
    });

    it('runs virtual time at real time × speed', async () => {
      const { host, clock, log, lastClock } = await lab();
      host.setSpeed(2);
      host.sendCommand(placeOrder('o-1'));
      host.play();
      await clock.advance(16);
      expect(log.handled).toEqual(['place-o-1']);
      expect(lastClock()?.now).toBe(32);
      await host.pause();
    });

    it('keeps telling the page the time during a long burst as fast as possible', async () => {
      const { host, clock, frames, stepAll, orderStatus, stockLevels } = await lab();
      // Views that take 60 ms of real time over each delivery.
      for (const view of [orderStatus, stockLevels])
        await host.attachView(view.name, {
          ...view,
          apply: (delivery) => {
            clock.pass(60);
            return view.apply(delivery);
          },
        });
      for (const id of ['o-1', 'o-2', 'o-3']) {
        host.sendCommand(placeOrder(id));
        await host.step();
      }
      const burstStart = frames.length;
      host.setSpeed(Number.POSITIVE_INFINITY);
      host.play();
      await clock.advance(16);
      await stepAll();
      const told = framesOf(frames.slice(burstStart), 'clock').map((f) => f.pending);
      // Not just before and after: the pending count is seen going down while the burst runs.
      expect(told.at(-1)).toBe(0);
      expect(new Set(told.filter((pending) => pending > 0)).size).toBeGreaterThanOrEqual(3);
      await host.pause();
    });

    it('hands a batch of due commands to the write model in one delivery', async () => {
      const { host, clock, deliveries } = await lab();
      host.sendCommand(placeOrder('o-1'));
      host.sendCommand(placeOrder('o-2'));
      host.play();
      await clock.advance(32);
      expect(deliveries()).toEqual([{ ids: [1, 2], at: 30, to: WRITE_MODEL }]);
      await host.pause();
    });

    // Once a bug: a command sent while the loop slept was stamped with a stale time, found overdue
    // when the loop woke, and handed over at once without its 30 ms delay.
    it('gives a command sent after the bus sat idle its whole delay', async () => {
      const { host, clock, log, sentMessage, deliveries } = await lab();
      host.play();
      await clock.advance(192);
      const command = host.sendCommand(placeOrder('o-1'));
      const sentAt = sentMessage(command)?.sentAt ?? Number.NaN;
      await clock.flush();
      expect(log.handled).toEqual([]);
      await clock.advance(48);
      expect(deliveries()).toEqual([{ ids: [command], at: sentAt + 30, to: WRITE_MODEL }]);
      await host.pause();
    });

    it('rests while nothing is in flight: the clock stands still and the page is told nothing', async () => {
      const { host, clock, frames, lastClock } = await lab();
      host.play();
      await clock.advance(64);
      const rested = lastClock();
      const framesAtRest = frames.length;
      await clock.advance(5_000);
      expect(frames.length).toBe(framesAtRest);
      expect(rested).toMatchObject({ playing: true, pending: 0 });
      // The next command starts from the clock as it rested, not from five seconds later.
      host.sendCommand(placeOrder('o-1'));
      expect(lastClock()?.now).toBe(rested?.now);
      await clock.advance(48);
      expect(lastClock()?.now).toBeGreaterThan(rested?.now ?? Infinity);
      await host.pause();
    });

    it('keeps the clock running while mail waits for a paused view, so its lag can grow', async () => {
      const { host, clock, lastClock, stepAll } = await lab();
      host.pauseView(STOCK_LEVELS);
      host.sendCommand(placeOrder('o-1'));
      await stepAll();
      expect(lastClock()?.pending).toBeGreaterThan(0);
      host.play();
      await clock.advance(32);
      const before = lastClock()?.now ?? Infinity;
      await clock.advance(1_000);
      // Read at its quarter-second ticks: at least three of them in a second.
      expect(lastClock()?.now).toBeGreaterThanOrEqual(before + 700);
      await host.pause();
    });
  });

  describe('When the write model’s worker dies', () => {
    /** A write model that stores what it is handed, then dies before it answers. */
    const dyingWriteModel = (log: FakeLog): WriteEndpoint => {
      let abort: (error: Error) => void = () => undefined;
      return {
        ...log,
        handle: (commands) => {
          void log.handle(commands);
          return new Promise<never>((_, reject) => (abort = reject));
        },
        abort: () => abort(new Error('the write model stopped')),
      };
    };

    it('holds commands while it is down, then the restarted one gets the unanswered ones again under their ids', async () => {
      const { host, log, clock, frames, orderStatus } = await lab();
      host.attachWrite(dyingWriteModel(log));
      host.sendCommand(placeOrder('o-1'));
      const stepping = host.step();
      await clock.flush();
      host.stopWrite(); // the page's watchdog found it dead
      await stepping;
      expect(log.events.map((e) => e.meta.commandId)).toEqual(['place-o-1']); // stored, never answered

      host.sendCommand(placeOrder('o-2'));
      await host.settle();
      expect(log.handled).toEqual(['place-o-1']);
      expect(
        host.queue().map((m) => [m.to, m.kind === 'command' ? m.payload.meta.commandId : m.kind]),
      ).toEqual([
        [WRITE_MODEL, 'place-o-1'],
        [WRITE_MODEL, 'place-o-2'],
      ]);

      host.attachWrite(log);
      await host.settle();
      expect(log.handled).toEqual(['place-o-1', 'place-o-1', 'place-o-2']);
      expect(log.events.map((e) => [e.position, e.meta.commandId])).toEqual([
        [1, 'place-o-1'],
        [2, 'place-o-2'],
      ]);
      const outcomes = framesOf(frames, 'sent')
        .map((f) => f.message)
        .flatMap((m) => (m.kind === 'outcome' ? [m.payload] : []));
      expect(outcomes.map((o) => [o.commandId, o.status === 'accepted' && o.duplicate])).toEqual([
        ['place-o-1', true],
        ['place-o-2', false],
      ]);
      // The view never heard of #1 from the bus: the gap before #2 is closed from the log.
      expect(orderStatus.applied).toEqual([1, 2]);
      expect(host.queue()).toEqual([]);
    });

    it('asks for it to be restarted before stepping back past its delivery', async () => {
      const { host, log, frames } = await lab();
      host.sendCommand(placeOrder('o-1'));
      await host.step();
      host.stopWrite();
      expect(await host.stepBack()).toBe(false);
      expect(framesOf(frames, 'notice').at(-1)?.text).toMatch(/Restart Write model to step back/);
      host.attachWrite(log);
      expect(await host.stepBack()).toBe(true);
      expect(log.undone).toEqual([['place-o-1']]);
    });

    it('refuses a reset while it is down, and keeps everything as it was', async () => {
      const { host, log } = await lab();
      host.sendCommand(placeOrder('o-1'));
      await host.settle();
      host.stopWrite();
      await expect(host.reset()).rejects.toThrow(/write model is not running/);
      expect(log.resets).toBe(0);
      expect(log.events).toHaveLength(1);
    });
  });

  describe('When a view’s last progress report arrives after its answer', () => {
    // Seen once in CI: Product search stayed 'Rebuilding: 707 of 707' after its rebuild was done.
    it('keeps the view running: a late report does not put it back to rebuilding', async () => {
      const { host, frames, orderStatus, clock } = await lab();
      host.sendCommand(placeOrder('o-1'));
      await host.settle();
      orderStatus.lateProgress = true;
      await host.rebuildView(ORDER_STATUS);
      await clock.flush(); // the late report comes in
      const phases = framesOf(frames, 'view-phase').filter((f) => f.view === ORDER_STATUS);
      expect(phases.at(-1)).toEqual({ kind: 'view-phase', view: ORDER_STATUS, phase: 'running' });
      host.sendCommand(placeOrder('o-2'));
      await host.settle();
      expect(orderStatus.applied).toEqual([1, 2]); // and it still gets its mail
    });
  });

  describe('When a view’s rebuild fails', () => {
    it('tries once more, and a second try that works leaves the view running', async () => {
      const { host, frames, orderStatus } = await lab();
      host.sendCommand(placeOrder('o-1'));
      await host.settle();
      orderStatus.failingRebuilds = 1;
      await host.rebuildView(ORDER_STATUS);
      expect(framesOf(frames, 'notice').at(-1)?.text).toMatch(
        /^Order status could not rebuild \(Error: QuotaExceededError\): trying again$/,
      );
      expect(framesOf(frames, 'view-phase').at(-1)).toEqual({
        kind: 'view-phase',
        view: ORDER_STATUS,
        phase: 'running',
      });
      expect(orderStatus.checkpoint).toBe(1);
    });

    it('stops a view whose rebuild fails twice and says why, instead of leaving it rebuilding', async () => {
      const { host, frames, orderStatus } = await lab();
      orderStatus.failingRebuilds = 2;
      await host.rebuildView(ORDER_STATUS);
      expect(framesOf(frames, 'notice').at(-1)?.text).toMatch(
        /could not rebuild .*so it was stopped: restart it to try again$/,
      );
      expect(framesOf(frames, 'view-phase').at(-1)?.phase).toBe('stopped');
      expect(orderStatus.aborted).toBe(true);
      host.sendCommand(placeOrder('o-1'));
      await host.settle();
      expect(host.queue().map((m) => m.to)).toEqual([ORDER_STATUS]); // its mail waits for it
    });

    it('lets a kill end a rebuild that never finishes, and the bus goes on', async () => {
      const { host, orderStatus, stockLevels } = await lab();
      orderStatus.failingRebuilds = null;
      const rebuilding = host.rebuildView(ORDER_STATUS);
      await new Promise((resolve) => setTimeout(resolve, 0));
      host.stopView(ORDER_STATUS);
      await rebuilding;
      host.sendCommand(placeOrder('o-1'));
      await host.settle();
      expect(stockLevels.applied).toEqual([1]);
    });
  });

  describe('When a view fails to take its mail', () => {
    it('keeps the message pending and tells the learner', async () => {
      const { host, frames, orderStatus } = await lab();
      host.sendCommand(placeOrder('o-1'));
      await host.step(); // the command
      await host.step(); // its outcome
      orderStatus.failingApplies = 1;
      const next = await host.step();

      expect(orderStatus.failedApplies).toBe(1);
      expect(host.queue().map((m) => m.id)).toContain(next[0]);
      expect(framesOf(frames, 'notice').at(-1)?.text).toMatch(/Order status could not take/);
      await host.settle();
      expect(orderStatus.applied).toEqual([1]);
    });

    // Seen (since fixed): a failed delivery was put back at once and taken again in the same loop,
    // so a view that always failed hung the bus worker and pause could not get in.
    it('does not retry a failing view in a tight loop', async () => {
      const { host, orderStatus } = await lab();
      host.sendCommand(placeOrder('o-1'));
      await host.step();
      orderStatus.failingApplies = 20; // then it recovers, so the test ends either way
      await host.settle();
      expect(orderStatus.failedApplies).toBe(1);
    });
  });
});

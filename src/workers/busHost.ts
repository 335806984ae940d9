// The bus at work: it owns every message between the UI, the write model and the read views, and
// hands them over in virtual time. Live, the clock follows real time × speed; paused, nothing moves
// until a step hands over exactly one message. Every hand-over can be taken back (Step back): the
// messages go back in the queue, their replies are withdrawn, and the receiver undoes what it did.
import type { EventsDelivery, Message, SubscriberSettings } from '../bus/messages';
import { DEFAULT_BUS_SETTINGS } from '../bus/defaults';
import { UI, WRITE_MODEL } from '../bus/messages';
import { seededUnit } from '../bus/jitter';
import { Scheduler, type Delivery, type Outbound } from '../bus/scheduler';
import type { TraceFrame, ViewPhase } from '../bus/trace';
import type { StoredEvent } from '../domain/types';
import type { CommandOutcome } from './outcome';
import type { ApplyResult, Progress, QueryAnswer, ViewQuery, ViewUndo } from './projectionHost';
import { createSerialQueue } from './serialQueue';

/** A call's result plus the trace frames the receiver produced while handling it. */
export type Traced<T> = { value: T; frames: TraceFrame[] };

export type WriteEndpoint = {
  handle: (commands: unknown[]) => Promise<CommandOutcome[]>;
  undo: (commandIds: string[]) => Promise<number>;
  reset: () => Promise<void>;
  /** The worker died: fail whatever call is in flight instead of waiting for it. */
  abort?: () => void;
};

export type ViewEndpoint = {
  start: (progress: Progress) => Promise<Traced<{ checkpoint: number; head: number }>>;
  apply: (delivery: EventsDelivery) => Promise<Traced<ApplyResult>>;
  undo: (undo: ViewUndo) => Promise<Traced<boolean>>;
  rebuild: (progress: Progress) => Promise<Traced<{ checkpoint: number; head: number }>>;
  reset: () => Promise<Traced<void>>;
  headMovedTo: (position: number) => Promise<Traced<{ checkpoint: number; head: number }>>;
  ask: (query: ViewQuery) => Promise<Traced<QueryAnswer<unknown>>>;
  setDuplicateCheck: (on: boolean) => Promise<Traced<void>>;
  catchUp: () => Promise<Traced<{ checkpoint: number; head: number }>>;
  /** The worker is being killed: fail whatever call is in flight instead of waiting for it. */
  abort?: () => void;
};

export type BusHostDeps = {
  seed: number;
  write: WriteEndpoint;
  emit: (frame: TraceFrame) => void;
  /** Real time in ms (performance.now in a worker, a fake in tests). */
  realNow: () => number;
  sleep: (ms: number, wake: Promise<void>) => Promise<void>;
  settings?: Record<string, Partial<SubscriberSettings>>;
};

type LoadRun = {
  id: number;
  /** Names its orders and commands: unique across page loads, or a later run would repeat them. */
  tag: string;
  start: number;
  interval: number;
  total: number;
  sent: number;
  readShare: number;
};

type ViewSlot = {
  endpoint: ViewEndpoint | undefined;
  phase: ViewPhase;
  pausedByLearner: boolean;
  /** Off only while a lesson shows what applying an event twice does. */
  duplicateCheck: boolean;
};
type HistoryEntry = { delivery: Delivery; caused: number[]; undo: () => Promise<void> };

const HISTORY_LIMIT = 2_000;
/** How many times a view's start or rebuild is tried before the view is stopped. */
const START_ATTEMPTS = 2;
const QUERY_LATENCY_MS = 10;
const RETRY_AFTER_MS = 1_000;
const LOAD_SKUS = 5;
const TICK_MS = 16;
/** How often the page hears the clock during a long burst (a few times a second is enough). */
const CLOCK_EVERY_MS = 100;

/** A command from the UI to the write model (sent by the learner or by the workload). */
const commandFromUI = (payload: unknown): Outbound => ({
  kind: 'command',
  from: UI,
  to: WRITE_MODEL,
  causationId: null,
  payload,
});

/** A query goes straight to the view's store: the view's delay is the lag of its event feed. */
const queryFromUI = (view: string, query: ViewQuery): Outbound => ({
  kind: 'query',
  from: UI,
  to: view,
  causationId: null,
  payload: { query },
  delayMs: QUERY_LATENCY_MS,
});

/** What the trace says about a message: events messages carry positions, not the events. */
const summarize = (message: Message): Message => {
  if (message.kind !== 'events') return message;
  const { events, head } = message.payload as EventsDelivery;
  return {
    ...message,
    payload: {
      count: events.length,
      first: events[0]?.position ?? 0,
      last: events.at(-1)?.position ?? 0,
      head,
    },
  };
};

const mergeDeliveries = (messages: readonly Message[]): EventsDelivery => {
  const payloads = messages.map((m) => m.payload as EventsDelivery);
  const events = payloads.flatMap((p) => p.events).sort((a, b) => a.position - b.position);
  return { kind: 'events', events, head: Math.max(...payloads.map((p) => p.head)) };
};

export const createBusHost = (deps: BusHostDeps) => {
  const { emit } = deps;
  /** The write model, or undefined while its worker is down (its mail waits on the bus). */
  let write: WriteEndpoint | undefined = deps.write;
  const writeModel = () => {
    if (!write) throw new Error('The write model is not running: restart it first');
    return write;
  };
  const scheduler = new Scheduler(deps.seed);
  for (const [endpoint, settings] of Object.entries({ ...DEFAULT_BUS_SETTINGS, ...deps.settings }))
    scheduler.configure(endpoint, settings);
  const views = new Map<string, ViewSlot>();
  const history: HistoryEntry[] = [];
  /** Copies the learner made of a message (duplicate fault): copy id → original id. */
  const copies = new Map<number, number>();
  const serial = createSerialQueue();
  let playing = true;
  let speed = 1;
  let head = 0;
  let wake: () => void = () => undefined;
  let wakeSignal = new Promise<void>((resolve) => (wake = resolve));
  let looping = false;

  /** When the page was last told the time: a long burst tells it again as it goes. */
  let toldAt = Number.NEGATIVE_INFINITY;
  const clock = () => {
    toldAt = deps.realNow();
    emit({
      kind: 'clock',
      now: scheduler.now,
      pending: scheduler.queue().length,
      playing,
      speed,
      history: history.length,
    });
  };

  const setPhase = (view: string, phase: ViewPhase, progress?: { done: number; total: number }) => {
    const slot = views.get(view);
    if (slot) slot.phase = phase;
    emit(
      progress
        ? { kind: 'view-phase', view, phase, progress }
        : { kind: 'view-phase', view, phase },
    );
  };

  /**
   * Live, virtual time follows real time × speed while there is mail: with nothing in flight and
   * no workload, nothing can be due, so the clock rests (and the page, told nothing, stays idle).
   * This brings the clock up to now.
   */
  let lastReal = deps.realNow();
  let resting = false;
  const syncClock = () => {
    const real = deps.realNow();
    if (playing && !resting && Number.isFinite(speed))
      scheduler.advanceTo(scheduler.now + (real - lastReal) * speed);
    lastReal = real;
  };

  const send = (outbound: Outbound, sentAt?: number) => {
    const message = scheduler.send(outbound, sentAt);
    emit({ kind: 'sent', message: summarize(message) });
    return message.id;
  };

  const replay = <T>(traced: Traced<T>): T => {
    for (const frame of traced.frames) emit(frame);
    return traced.value;
  };

  const deliverCommands = async (delivery: Delivery, replyAt: number): Promise<HistoryEntry> => {
    const { messages } = delivery;
    const outcomes = await writeModel().handle(messages.map((m) => m.payload));
    const appended: StoredEvent[] = outcomes
      .flatMap((o) => (o.status === 'accepted' && !o.duplicate ? o.events : []))
      .sort((a, b) => a.position - b.position);
    const caused: number[] = [];
    if (appended.length > 0) {
      head = Math.max(head, appended.at(-1)?.position ?? 0);
      emit({ kind: 'appended', events: appended, head });
      const payload: EventsDelivery = { kind: 'events', events: appended, head };
      for (const view of views.keys())
        caused.push(
          send(
            {
              kind: 'events',
              from: WRITE_MODEL,
              to: view,
              causationId: messages[0]?.id ?? null,
              payload,
            },
            replyAt,
          ),
        );
    }
    outcomes.forEach((outcome, i) =>
      caused.push(
        send(
          {
            kind: 'outcome',
            from: WRITE_MODEL,
            to: UI,
            causationId: messages[i]?.id ?? null,
            payload: outcome,
          },
          replyAt,
        ),
      ),
    );
    const recorded = outcomes.flatMap((o) =>
      (o.status === 'accepted' && !o.duplicate) || o.status === 'rejected' ? [o.commandId] : [],
    );
    return {
      delivery,
      caused,
      undo: async () => {
        if (recorded.length === 0) return;
        head = await writeModel().undo(recorded);
        emit({ kind: 'unappended', head });
        for (const slot of views.values())
          if (slot.endpoint) replay(await slot.endpoint.headMovedTo(head));
      },
    };
  };

  const deliverToView = async (delivery: Delivery, replyAt: number): Promise<HistoryEntry> => {
    const first = delivery.messages[0];
    const endpoint = first && views.get(first.to)?.endpoint;
    if (!first || !endpoint) throw new Error(`${first?.to ?? 'A view'} is not running`);
    if (first.kind === 'events') {
      const result = replay(await endpoint.apply(mergeDeliveries(delivery.messages)));
      return {
        delivery,
        caused: [],
        undo: async () => {
          // The view may have been restarted since: undo through whichever worker hosts it now.
          const current = views.get(first.to)?.endpoint ?? endpoint;
          if (result.undo && replay(await current.undo(result.undo))) return;
          replay(await current.rebuild(() => undefined)); // it moved on since: rebuild honestly
        },
      };
    }
    const caused = [];
    for (const message of delivery.messages) {
      const { query } = message.payload as { query: ViewQuery };
      const answer = replay(await endpoint.ask(query));
      caused.push(
        send(
          {
            kind: 'answer',
            from: first.to,
            to: UI,
            causationId: message.id,
            payload: { query, answer },
          },
          replyAt,
        ),
      );
    }
    return { delivery, caused, undo: () => Promise.resolve() };
  };

  /**
   * Hands one delivery to its receiver and sends what it replies. Returns what a step back needs,
   * or null if the receiver could not take it (its messages are pending again).
   */
  const handOver = async (delivery: Delivery): Promise<HistoryEntry | null> => {
    const first = delivery.messages[0];
    if (!first) return null;
    emit({
      kind: 'delivered',
      ids: delivery.messages.map((m) => m.id),
      at: delivery.at,
      to: first.to,
    });
    const replyAt = delivery.at + scheduler.settingsOf(first.to).processingMs;
    let entry: HistoryEntry;
    try {
      if (first.to === UI) entry = { delivery, caused: [], undo: () => Promise.resolve() };
      else if (first.to === WRITE_MODEL) entry = await deliverCommands(delivery, replyAt);
      else entry = await deliverToView(delivery, replyAt);
    } catch (error) {
      // The receiver died or failed mid-delivery: nothing is lost, the messages wait for it and
      // are tried again a little later (in virtual time), not in a tight loop.
      scheduler.requeue(delivery.messages, RETRY_AFTER_MS);
      emit({ kind: 'undelivered', messages: delivery.messages.map(summarize), withdrawn: [] });
      emit({
        kind: 'notice',
        text: `${first.to} could not take message #${first.id}: ${String(error)}`,
      });
      return null;
    }
    return entry;
  };

  const remember = (entry: HistoryEntry) => {
    history.push(entry);
    if (history.length > HISTORY_LIMIT) history.shift();
  };

  /** Hands one delivery over; false if its receiver could not take it. */
  const perform = async (delivery: Delivery): Promise<boolean> => {
    const entry = await handOver(delivery);
    if (entry) remember(entry);
    return entry !== null;
  };

  const isView = (receiver: string | undefined) =>
    receiver !== undefined && receiver !== UI && receiver !== WRITE_MODEL;

  /**
   * Takes the next delivery due by `until` and, when it goes to a view, the deliveries due next to
   * other views too: views do not wait for one another, so they are handed over at the same time
   * (one delivery per view at most, so each view still sees its mail in order).
   */
  const takeDue = (until: number): Delivery[] => {
    const first = scheduler.take({ until, batch: true });
    if (!first) return [];
    const group = [first];
    const receivers = new Set([first.messages[0]?.to]);
    if (!isView(first.messages[0]?.to)) return group;
    for (let next = scheduler.peek(); next; next = scheduler.peek()) {
      if (!isView(next.to) || receivers.has(next.to)) break;
      const delivery = scheduler.take({ until, batch: true });
      if (!delivery) break;
      group.push(delivery);
      receivers.add(next.to);
    }
    return group;
  };

  const stopView = (view: string) => {
    const slot = views.get(view);
    slot?.endpoint?.abort?.();
    if (slot) slot.endpoint = undefined;
    scheduler.hold(view, 'stopped');
    setPhase(view, 'stopped');
  };

  /** The workload generator: commands and queries sent at a steady rate, in virtual time. */
  let load: LoadRun | null = null;
  let loadRuns = 0;
  /** This bus's own prefix for load ids: the log outlives the page, and a reload starts at run 1. */
  const hostTag = crypto.randomUUID().slice(0, 6);

  const loadTimeOf = (run: LoadRun, i: number) => run.start + i * run.interval;

  /** Sends the workload's messages whose time has come, stamped with that time. */
  const releaseLoad = (until: number) => {
    const run = load;
    if (!run) return;
    while (run.sent < run.total && loadTimeOf(run, run.sent) <= until) {
      const i = run.sent;
      const at = loadTimeOf(run, i);
      const sku = `LOAD-${1 + Math.floor(seededUnit(deps.seed + run.id, i * 2 + 1) * LOAD_SKUS)}`;
      if (seededUnit(deps.seed + run.id, i * 2) < run.readShare)
        send(queryFromUI('Stock levels', { kind: 'key', key: sku }), at);
      else
        send(
          commandFromUI({
            type: 'PlaceOrder',
            data: { orderId: `L${run.tag}-${i + 1}`, lines: [{ sku, quantity: 1 }] },
            meta: { commandId: `load-${run.tag}-${i + 1}`, issuedAt: new Date().toISOString() },
          }),
          at,
        );
      run.sent += 1;
    }
    emit({ kind: 'load', running: run.sent < run.total, sent: run.sent, total: run.total });
    if (run.sent >= run.total) load = null;
  };

  /** Delivers everything ready by `until`; live, it stops as soon as the learner pauses. */
  const deliverDue = async (until: number, whilePlaying = true) => {
    for (;;) {
      const group = takeDue(until);
      if (group.length === 0) return;
      const entries = await Promise.all(group.map(handOver));
      // Remembered in the order they were taken, so stepping back undoes them in reverse.
      for (const entry of entries) if (entry) remember(entry);
      if (entries.includes(null)) return;
      if (whilePlaying && !playing) return;
      // As fast as possible, a burst is one long hand-over: the clock keeps showing it move.
      if (deps.realNow() - toldAt >= CLOCK_EVERY_MS) clock();
    }
  };

  const loop = async () => {
    if (looping) return;
    looping = true;
    lastReal = deps.realNow();
    try {
      while (playing) {
        const real = deps.realNow();
        const target =
          speed === Number.POSITIVE_INFINITY ? speed : scheduler.now + (real - lastReal) * speed;
        lastReal = real;
        await serial(async () => {
          if (!playing) return;
          releaseLoad(target);
          await deliverDue(target);
          if (Number.isFinite(target)) scheduler.advanceTo(target);
          clock();
        });
        if (!isPlaying()) break;
        if (scheduler.queue().length === 0 && load === null) {
          // Nothing in flight: the clock rests until a message or a control wakes the loop.
          resting = true;
          await wakeSignal;
          resting = false;
          lastReal = deps.realNow();
        } else {
          // Mail held for a paused or stopped receiver still ages, so the clock runs, slowly.
          const idle = scheduler.peek() === undefined && load === null;
          await deps.sleep(idle ? 250 : TICK_MS, wakeSignal);
        }
        wakeSignal = new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      looping = false;
    }
  };

  const isPlaying = () => playing;

  const kick = () => {
    wake();
    if (playing) void loop();
  };

  /**
   * Starts or rebuilds a view; both are idempotent, so one that fails (its storage refused a
   * write, say) is tried once more. If that fails too, the view is stopped and the learner told
   * why, so it never sits "Rebuilding" for ever: Restart gives it a new worker.
   */
  const startView = async (view: string, endpoint: ViewEndpoint, how: 'start' | 'rebuild') => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await startViewOnce(view, endpoint, how);
        return;
      } catch (error) {
        if (views.get(view)?.endpoint !== endpoint) return; // killed meanwhile: nothing to report
        const action = how === 'start' ? 'start' : 'rebuild';
        if (attempt < START_ATTEMPTS) {
          emit({
            kind: 'notice',
            text: `${view} could not ${action} (${String(error)}): trying again`,
          });
          continue;
        }
        emit({
          kind: 'notice',
          text: `${view} could not ${action} (${String(error)}), so it was stopped: restart it to try again`,
        });
        stopView(view);
        return;
      }
    }
  };

  const startViewOnce = async (view: string, endpoint: ViewEndpoint, how: 'start' | 'rebuild') => {
    setPhase(view, how === 'start' ? 'starting' : 'rebuilding');
    scheduler.hold(view, 'stopped');
    // Progress reports travel on a port of their own, so the last may arrive after the result:
    // once the result is in, a late one must not put the view back to 'rebuilding' for good.
    let settled = false;
    const progress: Progress = (done, total) => {
      if (!settled) setPhase(view, how === 'start' ? 'starting' : 'rebuilding', { done, total });
    };
    if (!views.get(view)?.duplicateCheck) replay(await endpoint.setDuplicateCheck(false));
    const began = deps.realNow();
    let result: Traced<{ checkpoint: number; head: number }>;
    try {
      result = await (how === 'start' ? endpoint.start(progress) : endpoint.rebuild(progress));
    } finally {
      settled = true;
    }
    const started = replay(result);
    if (how === 'rebuild')
      emit({ kind: 'view-rebuilt', view, events: started.checkpoint, ms: deps.realNow() - began });
    head = Math.max(head, started.head);
    const slot = views.get(view);
    // eslint-disable-next-line @typescript-eslint/prefer-optional-chain -- slot is used below
    if (!slot || slot.endpoint !== endpoint) return; // killed while starting
    scheduler.hold(view, slot.pausedByLearner ? 'paused' : null);
    setPhase(view, slot.pausedByLearner ? 'paused' : 'running');
    kick();
  };

  return {
    /** A view's worker is up (first start or restart): catch it up, then deliver to it again. */
    attachView: (view: string, endpoint: ViewEndpoint) => {
      const slot = views.get(view) ?? {
        endpoint: undefined,
        phase: 'starting',
        pausedByLearner: false,
        duplicateCheck: true,
      };
      views.set(view, { ...slot, endpoint });
      return startView(view, endpoint, 'start');
    },
    /**
     * The write model's worker died: commands wait on the bus, and the delivery it was handling
     * (its fate unknown) goes back in the queue, to be sent again under the same command ids.
     */
    stopWrite: () => {
      write?.abort?.();
      write = undefined;
      scheduler.hold(WRITE_MODEL, 'stopped');
      clock();
    },
    /** A new write model worker is up: the commands that waited are delivered to it. */
    attachWrite: (endpoint: WriteEndpoint) => {
      write = endpoint;
      scheduler.hold(WRITE_MODEL, null);
      clock();
      kick();
    },
    /** Its worker was killed: its mail waits until it is back. */
    stopView,
    pauseView: (view: string) => {
      const slot = views.get(view);
      if (!slot) return;
      slot.pausedByLearner = true;
      if (slot.phase === 'running') {
        scheduler.hold(view, 'paused');
        setPhase(view, 'paused');
      }
    },
    resumeView: (view: string) => {
      const slot = views.get(view);
      if (!slot) return;
      slot.pausedByLearner = false;
      if (slot.phase === 'paused') {
        scheduler.hold(view, null);
        setPhase(view, 'running');
        kick();
      }
    },
    rebuildView: (view: string) =>
      serial(async () => {
        const endpoint = views.get(view)?.endpoint;
        if (endpoint) await startView(view, endpoint, 'rebuild');
      }),
    /** Turns a view's duplicate check off (a lesson's fault) or on again; it survives a restart. */
    setDuplicateCheck: (view: string, on: boolean) =>
      serial(async () => {
        const slot = views.get(view);
        if (!slot) return;
        slot.duplicateCheck = on;
        if (slot.endpoint) replay(await slot.endpoint.setDuplicateCheck(on));
        emit({ kind: 'view-duplicate-check', view, on });
      }),
    /** Another tab appended to the log: every running view reads what it has not seen. */
    catchUpViews: () =>
      serial(async () => {
        for (const slot of views.values()) {
          if (!slot.endpoint || slot.phase !== 'running') continue;
          const caught = replay(await slot.endpoint.catchUp());
          head = Math.max(head, caught.head);
        }
        clock();
      }),
    setDelay: (endpoint: string, delayMs: number) => scheduler.configure(endpoint, { delayMs }),
    settingsOf: (endpoint: string) => scheduler.settingsOf(endpoint),

    /** The UI sends a command to the write model; its outcome comes back as a message. */
    sendCommand: (command: unknown): number => {
      syncClock();
      const id = send(commandFromUI(command));
      clock();
      kick();
      return id;
    },
    /** The UI asks a view a question; the answer comes back as a message. */
    sendQuery: (view: string, query: ViewQuery): number => {
      syncClock();
      const id = send(queryFromUI(view, query));
      clock();
      kick();
      return id;
    },

    play: () => {
      if (!playing) lastReal = deps.realNow();
      playing = true;
      clock();
      kick();
    },
    pause: () =>
      serial(() => {
        playing = false;
        wake();
        clock();
        return Promise.resolve();
      }),
    /** Hands over exactly one message (the next due), whatever its time. */
    step: () =>
      serial(async () => {
        playing = false;
        releaseLoad(scheduler.now);
        const next =
          load && scheduler.peek() === undefined ? loadTimeOf(load, load.sent) : undefined;
        if (next !== undefined) releaseLoad(next);
        const delivery = scheduler.take();
        if (delivery) await perform(delivery);
        clock();
        return delivery ? delivery.messages.map((m) => m.id) : [];
      }),
    /** Takes the last hand-over back: the messages are pending again and the receiver undoes it. */
    stepBack: () =>
      serial(async () => {
        playing = false;
        const entry = history.at(-1);
        if (!entry) {
          clock();
          return false;
        }
        const receiver = entry.delivery.messages[0]?.to ?? '';
        const down =
          receiver === WRITE_MODEL ? !write : receiver !== UI && !views.get(receiver)?.endpoint;
        if (down) {
          emit({ kind: 'notice', text: `Restart ${receiver} to step back past its last delivery` });
          clock();
          return false;
        }
        await entry.undo();
        history.pop();
        // Replies of the delivery, and any copies the learner made of them, go with it.
        const caused = new Set(entry.caused);
        for (const [copy, original] of copies) if (caused.has(original)) caused.add(copy);
        const withdrawn = scheduler
          .queue()
          .flatMap((m) => (caused.has(m.id) ? [m.id] : []))
          .sort((a, b) => a - b);
        scheduler.undo(entry.delivery, withdrawn);
        emit({ kind: 'undelivered', messages: entry.delivery.messages.map(summarize), withdrawn });
        clock();
        return true;
      }),
    setSpeed: (next: number) => {
      speed = next;
      clock();
      kick();
    },
    /** Empties the log (unless told otherwise), every view and the queue. */
    reset: ({ log = true }: { log?: boolean } = {}) =>
      serial(async () => {
        // An import has just replaced the log itself: only the messages and views start again.
        if (log) await writeModel().reset();
        for (const [view, slot] of views) {
          if (slot.endpoint) replay(await slot.endpoint.reset());
          if (slot.duplicateCheck) continue;
          // A new log starts with every safeguard in place.
          slot.duplicateCheck = true;
          if (slot.endpoint) replay(await slot.endpoint.setDuplicateCheck(true));
          emit({ kind: 'view-duplicate-check', view, on: true });
        }
        scheduler.clear();
        history.length = 0;
        head = 0;
        emit({ kind: 'reset' });
        clock();
      }),
    /** Runs until nothing is pending (tests and scripted scenarios). */
    settle: () =>
      serial(async () => {
        releaseLoad(Number.POSITIVE_INFINITY);
        await deliverDue(Number.POSITIVE_INFINITY, false);
        clock();
      }),
    drop: (id: number) => {
      if (scheduler.drop(id)) emit({ kind: 'dropped', ids: [id] });
      clock();
    },
    duplicate: (id: number) => {
      const copy = scheduler.duplicate(id);
      if (copy) copies.set(copy.id, copies.get(id) ?? id);
      if (copy) emit({ kind: 'sent', message: summarize(copy) });
      clock();
      kick();
    },
    /**
     * Starts a workload: `perSecond` messages per virtual second for `seconds`, a `readShare` of
     * them queries to Stock levels and the rest orders, on products LOAD-1…LOAD-5 (added first).
     */
    startLoad: ({
      perSecond,
      readShare,
      seconds,
    }: {
      perSecond: number;
      readShare: number;
      seconds: number;
    }) => {
      syncClock();
      loadRuns += 1;
      const tag = `${hostTag}${String(loadRuns)}`;
      for (let n = 1; n <= LOAD_SKUS; n += 1)
        send(
          commandFromUI({
            type: 'AddProduct',
            data: { sku: `LOAD-${n}`, name: `Load product ${n}`, price: 1, stock: 1_000_000 },
            meta: { commandId: `load-${tag}-setup-${n}`, issuedAt: new Date().toISOString() },
          }),
        );
      load = {
        id: loadRuns,
        tag,
        start: scheduler.now + 50,
        interval: 1000 / perSecond,
        total: Math.round(perSecond * seconds),
        sent: 0,
        readShare,
      };
      emit({ kind: 'load', running: true, sent: 0, total: load.total });
      clock();
      kick();
    },
    stopLoad: () => {
      if (load) emit({ kind: 'load', running: false, sent: load.sent, total: load.total });
      load = null;
    },
    /** Holds a pending message back by `byMs` of virtual time. */
    delayMessage: (id: number, byMs: number) => {
      const later = scheduler.delay(id, byMs);
      if (later) emit({ kind: 'sent', message: summarize(later) });
      clock();
    },
    queue: () => scheduler.queue().map(summarize),
  };
};

export type BusHost = ReturnType<typeof createBusHost>;

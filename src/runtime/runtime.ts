// The main thread's client of the workers. It starts them and wires them together with
// MessageChannels: the bus worker talks to the write worker and to each view's worker directly,
// so no command, event or query passes through the page. The page only sends requests to the bus
// and renders the trace it emits.
import { proxy, transfer, wrap, type Remote } from 'comlink';
import { BUS, WRITE_MODEL, type SubscriberSettings } from '../bus/messages';
import type { TraceFrame } from '../bus/trace';
import { withTimeout } from '../bus/timeout';
import type { CommandInput } from '../domain/lab';
import { VIEW_NAMES, type ViewName } from '../domain/views';
import type { BusWorkerApi } from '../workers/busWorkerApi';
import type { CommandOutcome } from '../workers/outcome';
import type { QueryAnswer, ViewQuery } from '../workers/projectionHost';
import type { ProjectionWorkerApi } from '../workers/projectionWorkerApi';
import type { ImportCheck, WriteWorkerApi } from '../workers/writeWorkerApi';
import { forgetSession, noteUnrecorded } from '../state/session';
import type { ImportMode } from '../eventstore/importLog';
import BusWorker from '../workers/bus.worker?worker';
import ProjectionWorker from '../workers/projection.worker?worker';
import WriteWorker from '../workers/write.worker?worker';
import TimeTravelWorker from '../workers/timeTravel.worker?worker';
import type { Moment, TimeTravelApi } from '../workers/timeTravel';
import {
  applyTraceFrames,
  receiveEvents,
  setRuntimeStatus,
  useClock,
  useLog,
  useDownParts,
  useNotice,
  markDown,
} from '../state/stores';
import { createFrameBuffer } from './frameBuffer';
import { createReplies } from './replies';
import { until } from '../state/until';
import { OUTDATED } from '../workers/upgrade';
import { openLogChannel, type LogNews } from '../workers/logChannel';
import { watchdog } from './watchdog';

const CALL_TIMEOUT_MS = 10_000;
const IMPORT_TIMEOUT_MS = 300_000;
const START_TIMEOUT_MS = 30_000;
const LOG_PAGE = 5_000;
const SEED = 20_261_123;

export type { CommandInput };

export type AccountRead = { balance: number | null; version: number; asOfPosition: number };

export type Runtime = {
  /** Sends a command; resolves when its outcome message reaches the UI (maybe only after steps). */
  dispatch: (
    command: CommandInput,
    /** Optimistic concurrency: refuse unless these streams are still at these versions. */
    expectedVersions?: Record<string, number>,
    /** A retry of a command whose fate is unknown sends it again under its first id. */
    commandId?: string,
  ) => Promise<CommandOutcome>;
  /** Asks a view; resolves when the answer message reaches the UI. */
  query: (view: ViewName, query: ViewQuery) => Promise<QueryAnswer<unknown>>;
  bus: Remote<BusWorkerApi>;
  kill: (view: ViewName) => Promise<void>;
  restart: (view: ViewName) => Promise<void>;
  /** Reads straight from the write side, and its inline view (the read-your-writes lesson). */
  writeSide: {
    readAccount: (accountId: string) => Promise<AccountRead>;
    readInline: (key: string) => Promise<{ value: unknown; asOfPosition: number }>;
    setInlineView: (view: ViewName | null) => Promise<void>;
  };
  /** The log as a file (NDJSON), built in the write worker. */
  exportLog: () => Promise<string>;
  /** Checks a log file for import without storing anything. */
  checkImport: (text: string, mode: ImportMode) => Promise<ImportCheck>;
  /**
   * Imports a checked log file whole (or nothing), then starts the messages again and rebuilds
   * every view from the new log.
   */
  importLog: (
    text: string,
    mode: ImportMode,
  ) => Promise<{ from: number; head: number; events: number }>;
  /** The system as it was at `position` (its own worker, started on first use). */
  travelTo: (position: number, streamId: string | null) => Promise<Moment>;
  /** Stops every worker (before a restart in place). */
  shutdown: () => void;
  /** Makes the bus's or the write model's worker end itself, as a crash would (a fault). */
  crash: (part: typeof BUS | typeof WRITE_MODEL) => Promise<void>;
};

const watchWorker = (worker: Worker, name: string): Worker => {
  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    if ((event.data as { kind?: unknown } | null)?.kind !== OUTDATED) return;
    setRuntimeStatus({
      phase: 'failed',
      message:
        'A newer version of CQRS Lab, open in another tab, has upgraded the stored log. Reload this page to go on: nothing stored was lost.',
    });
  });
  worker.addEventListener('error', (event) => {
    setRuntimeStatus({
      phase: 'failed',
      message: `The ${name} worker stopped: ${event.message || 'unknown error'}. Reload the page to restart it.`,
    });
  });
  return worker;
};

const loadLog = async (write: Remote<WriteWorkerApi>, from = 1) => {
  for (let fromPosition = from; ;) {
    const page = await withTimeout(
      write.readAll({ fromPosition, limit: LOG_PAGE }),
      CALL_TIMEOUT_MS,
      'The event store',
    );
    receiveEvents(page);
    const last = page.at(-1);
    if (!last || page.length < LOG_PAGE) return;
    fromPosition = last.position + 1;
  }
};

/** Resolves once the page has taken in a reset of the log that came after `resetsBefore`. */
const resetSeen = (resetsBefore: number) => until(useLog, (log) => log.resets > resetsBefore);

/**
 * Listens to what other tabs do to the shared log: their appends are read into this page's log
 * and every view here catches up; a reset or replaced log asks for a reload (nothing is lost).
 * `current` names this tab's write worker as it is now (it changes when the worker restarts).
 */
const followOtherTabs = (
  current: () => { tab: string; write: Remote<WriteWorkerApi> },
  bus: Remote<BusWorkerApi>,
) => {
  const channel = openLogChannel();
  if (!channel) return undefined;
  let following: Promise<unknown> = Promise.resolve();
  channel.onmessage = (event: MessageEvent<LogNews>) => {
    const news = event.data;
    if (news.tab === current().tab) return;
    if (news.kind === 'rewritten') {
      setRuntimeStatus({
        phase: 'failed',
        message:
          'Another tab reset, stepped back or replaced the log. Reload this page to see the log as it is now.',
      });
      return;
    }
    following = following
      .then(async () => {
        if (news.head <= useLog.getState().head) return;
        await loadLog(current().write, useLog.getState().head + 1);
        await withTimeout(bus.catchUpViews(), CALL_TIMEOUT_MS * 3, 'The views');
      })
      .catch(() => undefined);
  };
  return channel;
};

const WRITE_DOWN =
  'The write model stopped answering: its worker is gone. Nothing it acknowledged is lost (it is in the event store). Commands wait on the bus until it is back, and the one it was handling goes again under the same command id, so it cannot be saved twice.';
const BUS_DOWN =
  'The bus stopped answering: its worker is gone, so no message can travel. Everything acknowledged is in the event store. A command still on its way has no known fate: after the restart, Retry sends it again under the same id.';

export type RuntimeOptions = {
  /** Delivery settings per receiver, over the defaults (the latency benchmark sets them to 0). */
  settings?: Record<string, Partial<SubscriberSettings>>;
  /** Also hands every trace frame to `watch` as it arrives (benchmarks). */
  watch?: (frames: readonly TraceFrame[]) => void;
  /** Starts every worker again in place (the page's supervisor); without it, a dead bus asks for a reload. */
  restart?: () => void;
  /** This start follows a restart in place: the log on screen is this session's own. */
  resumed?: boolean;
};

/** The write model's worker and the page's handle on it; both change when it is restarted. */
type WriteSide = { worker: Worker; api: Remote<WriteWorkerApi>; tab: string };

export const startRuntime = async ({
  settings,
  watch,
  restart: restartAll,
  resumed = false,
}: RuntimeOptions = {}): Promise<Runtime> => {
  const replies = createReplies();
  const onFrames = createFrameBuffer<TraceFrame>((frames) => {
    replies.observe(frames);
    applyTraceFrames(frames);
  });
  const busWorker = watchWorker(new BusWorker({ name: 'bus' }), 'bus');
  const bus = wrap<BusWorkerApi>(busWorker);
  const call = <T>(work: Promise<T>, what = 'The bus', ms = CALL_TIMEOUT_MS) =>
    withTimeout(work, ms, what);
  /** Stops watching each worker, by name ('bus', 'write model' or a view). */
  const watching = new Map<string, () => void>();
  /** Set once every worker has been stopped: nothing is watched again. */
  let shut = false;
  const guard = (name: string, ping: () => Promise<unknown>, onDead: () => void) => {
    if (shut) return;
    watching.get(name)?.();
    watching.set(name, watchdog({ ping, onDead }));
  };
  const unguard = (name: string) => {
    watching.get(name)?.();
    watching.delete(name);
  };

  /** Starts a write model worker and serves it to the bus on a port of its own. */
  const openWrite = async (): Promise<{ side: WriteSide; port: MessagePort }> => {
    const worker = watchWorker(new WriteWorker({ name: 'write model' }), 'write model');
    const api = wrap<WriteWorkerApi>(worker);
    const channel = new MessageChannel();
    await call(api.connectBus(transfer(channel.port1, [channel.port1])), 'The write model');
    return {
      side: { worker, api, tab: await call(api.tabId(), 'The write model') },
      port: channel.port2,
    };
  };

  await call(
    bus.setTraceListener(
      proxy((frames: TraceFrame[]) => {
        watch?.(frames);
        onFrames(frames);
      }),
    ),
  );
  const first = await openWrite();
  let write = first.side;
  await call(bus.start(transfer(first.port, [first.port]), SEED, settings));

  const writeDown = async () => {
    unguard('write model');
    markDown(WRITE_MODEL, true);
    write.worker.terminate();
    setRuntimeStatus({
      phase: 'failed',
      message: WRITE_DOWN,
      action: { label: 'Restart write model', run: () => void restartWrite() },
    });
    await call(bus.stopWrite()).catch(() => undefined);
  };
  const guardWrite = () =>
    guard(
      'write model',
      () => write.api.ping(),
      () => void writeDown(),
    );
  /** A new write model worker: the commands that waited go to it, and the page and views catch up. */
  const restartWrite = async () => {
    setRuntimeStatus({ phase: 'starting' });
    try {
      const next = await openWrite();
      write = next.side;
      await call(bus.attachWrite(transfer(next.port, [next.port])));
      // What the old worker stored but could not announce: into the page's log and every view.
      await loadLog(write.api, useLog.getState().head + 1);
      await call(bus.catchUpViews(), 'The views', CALL_TIMEOUT_MS * 3);
      guardWrite();
      markDown(WRITE_MODEL, false);
      setRuntimeStatus({ phase: 'ready' });
    } catch (error) {
      setRuntimeStatus({
        phase: 'failed',
        message: `The write model could not be restarted: ${String(error)}`,
        action: { label: 'Restart write model', run: () => void restartWrite() },
      });
    }
  };

  /**
   * A whole log file is checked or built in one go, which may keep the write worker from
   * answering its watchdog for a while: the call's own (long) timeout watches it instead.
   */
  let wholeFileCalls = 0;
  const whole = async <T>(work: () => Promise<T>): Promise<T> => {
    wholeFileCalls += 1;
    unguard('write model');
    try {
      return await call(work(), 'The write model', IMPORT_TIMEOUT_MS);
    } finally {
      wholeFileCalls -= 1;
      if (wholeFileCalls === 0 && !useDownParts.getState().down.includes(WRITE_MODEL)) guardWrite();
    }
  };

  const workers = new Map<ViewName, Worker>();
  const kill = async (view: ViewName) => {
    unguard(view);
    await call(bus.stopView(view));
    workers.get(view)?.terminate();
    workers.delete(view);
  };
  const attach = async (view: ViewName) => {
    const worker = watchWorker(new ProjectionWorker({ name: view }), view);
    workers.set(view, worker);
    const remote = wrap<ProjectionWorkerApi>(worker);
    const channel = new MessageChannel();
    await call(remote.connect(view, transfer(channel.port1, [channel.port1])), view);
    await call(
      bus.attachView(view, transfer(channel.port2, [channel.port2])),
      view,
      START_TIMEOUT_MS * 10,
    );
    guard(
      view,
      () => remote.ping(),
      () => {
        void kill(view).catch(() => undefined);
        useNotice.setState({
          text: `${view} stopped answering: its worker is gone. Restart ${view}.`,
        });
      },
    );
  };

  let timeTravelWorker: Worker | undefined;
  let timeTravel: Remote<TimeTravelApi> | undefined;

  await Promise.all([...VIEW_NAMES.map(attach), loadLog(write.api)]);
  const channel = followOtherTabs(() => ({ tab: write.tab, write: write.api }), bus);
  if (useLog.getState().head > 0 && !resumed) noteUnrecorded('earlier visit');

  const shutdown = () => {
    shut = true;
    for (const stop of watching.values()) stop();
    watching.clear();
    channel?.close();
    timeTravelWorker?.terminate();
    for (const worker of [busWorker, write.worker, ...workers.values()]) worker.terminate();
  };
  guard(
    'bus',
    () => bus.ping(),
    () => {
      shutdown();
      markDown(BUS, true);
      replies.fail(new Error('the bus stopped answering'));
      setRuntimeStatus({
        phase: 'failed',
        message: BUS_DOWN,
        ...(restartAll ? { action: { label: 'Restart workers', run: restartAll } } : {}),
      });
    },
  );
  guardWrite();
  useDownParts.setState({ down: [] });
  setRuntimeStatus({ phase: 'ready' });

  return {
    dispatch: async (command, expectedVersions, commandId = crypto.randomUUID()) => {
      const meta = {
        commandId,
        issuedAt: new Date().toISOString(),
        ...(expectedVersions ? { expectedVersions } : {}),
      };
      const outcome = replies.outcomeOf(meta.commandId);
      await call(bus.sendCommand({ ...command, meta }));
      return outcome;
    },
    query: async (view, query) => {
      const id = await call(bus.sendQuery(view, query));
      return replies.answerTo(id);
    },
    bus,
    kill,
    restart: async (view) => {
      if (workers.has(view)) return;
      await attach(view);
    },
    writeSide: {
      readAccount: (accountId) => call(write.api.readAccount(accountId), 'The write model'),
      readInline: (key) => call(write.api.readInline(key), 'The write model'),
      setInlineView: (view) => call(write.api.setInlineView(view), 'The write model'),
    },
    exportLog: () => whole(() => write.api.exportLog()),
    checkImport: (text, mode) => whole<ImportCheck>(() => write.api.checkImport(text, mode)),
    importLog: async (text, mode) => {
      const wasPlaying = useClock.getState().playing;
      await call(bus.pause());
      const resetsBefore = useLog.getState().resets;
      const result = await whole(() => write.api.importLog(text, mode));
      if (mode === 'replace') forgetSession();
      noteUnrecorded('imported file');
      if (mode === 'replace') {
        await call(bus.reset({ log: false }));
        await resetSeen(resetsBefore); // or the page would clear the new log after loading it
        await loadLog(write.api);
      } else await loadLog(write.api, result.from);
      for (const view of VIEW_NAMES) await call(bus.rebuildView(view), view, IMPORT_TIMEOUT_MS);
      if (wasPlaying) await call(bus.play());
      return result;
    },
    travelTo: (position, streamId) => {
      timeTravelWorker ??= watchWorker(
        new TimeTravelWorker({ name: 'time travel' }),
        'time travel',
      );
      timeTravel ??= wrap<TimeTravelApi>(timeTravelWorker);
      return call(timeTravel.at(position, streamId), 'Time travel', START_TIMEOUT_MS);
    },
    shutdown,
    crash: (part) => call(part === BUS ? bus.crash() : write.api.crash(), part),
  };
};

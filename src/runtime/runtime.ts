// The main thread's client of the workers. It starts them and wires them together with
// MessageChannels: the bus worker talks to the write worker and to each view's worker directly,
// so no command, event or query passes through the page. The page only sends requests to the bus
// and renders the trace it emits.
import { proxy, transfer, wrap, type Remote } from 'comlink';
import type { SubscriberSettings } from '../bus/messages';
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
} from '../state/stores';
import { createFrameBuffer } from './frameBuffer';
import { createReplies } from './replies';
import { until } from '../state/until';
import { OUTDATED } from '../workers/upgrade';
import { openLogChannel, type LogNews } from '../workers/logChannel';

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
 */
const followOtherTabs = (tab: string, write: Remote<WriteWorkerApi>, bus: Remote<BusWorkerApi>) => {
  const channel = openLogChannel();
  if (!channel) return;
  let following: Promise<unknown> = Promise.resolve();
  channel.onmessage = (event: MessageEvent<LogNews>) => {
    const news = event.data;
    if (news.tab === tab) return;
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
        await loadLog(write, useLog.getState().head + 1);
        await withTimeout(bus.catchUpViews(), CALL_TIMEOUT_MS * 3, 'The views');
      })
      .catch(() => undefined);
  };
};

export type RuntimeOptions = {
  /** Delivery settings per receiver, over the defaults (the latency benchmark sets them to 0). */
  settings?: Record<string, Partial<SubscriberSettings>>;
  /** Also hands every trace frame to `watch` as it arrives (benchmarks). */
  watch?: (frames: readonly TraceFrame[]) => void;
};

export const startRuntime = async ({ settings, watch }: RuntimeOptions = {}): Promise<Runtime> => {
  const replies = createReplies();
  const onFrames = createFrameBuffer<TraceFrame>((frames) => {
    replies.observe(frames);
    applyTraceFrames(frames);
  });
  const bus = wrap<BusWorkerApi>(watchWorker(new BusWorker({ name: 'bus' }), 'bus'));
  const write = wrap<WriteWorkerApi>(
    watchWorker(new WriteWorker({ name: 'write model' }), 'write model'),
  );
  const call = <T>(work: Promise<T>, what = 'The bus', ms = CALL_TIMEOUT_MS) =>
    withTimeout(work, ms, what);

  await call(
    bus.setTraceListener(
      proxy((frames: TraceFrame[]) => {
        watch?.(frames);
        onFrames(frames);
      }),
    ),
  );
  const toWrite = new MessageChannel();
  await call(write.connectBus(transfer(toWrite.port1, [toWrite.port1])), 'The write model');
  await call(bus.start(transfer(toWrite.port2, [toWrite.port2]), SEED, settings));

  const workers = new Map<ViewName, Worker>();
  const attach = async (view: ViewName) => {
    const worker = watchWorker(new ProjectionWorker({ name: view }), view);
    workers.set(view, worker);
    const channel = new MessageChannel();
    await call(
      wrap<ProjectionWorkerApi>(worker).connect(view, transfer(channel.port1, [channel.port1])),
      view,
    );
    await call(
      bus.attachView(view, transfer(channel.port2, [channel.port2])),
      view,
      START_TIMEOUT_MS * 10,
    );
  };

  let timeTravel: Remote<TimeTravelApi> | undefined;

  await Promise.all([...VIEW_NAMES.map(attach), loadLog(write)]);
  followOtherTabs(await call(write.tabId(), 'The write model'), write, bus);
  if (useLog.getState().head > 0) noteUnrecorded('earlier visit');
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
    kill: async (view) => {
      await call(bus.stopView(view));
      workers.get(view)?.terminate();
      workers.delete(view);
    },
    restart: async (view) => {
      if (workers.has(view)) return;
      await attach(view);
    },
    writeSide: {
      readAccount: (accountId) => call(write.readAccount(accountId), 'The write model'),
      readInline: (key) => call(write.readInline(key), 'The write model'),
      setInlineView: (view) => call(write.setInlineView(view), 'The write model'),
    },
    exportLog: () => call(write.exportLog(), 'The write model', IMPORT_TIMEOUT_MS),
    checkImport: (text, mode) =>
      call<ImportCheck>(write.checkImport(text, mode), 'The write model', IMPORT_TIMEOUT_MS),
    importLog: async (text, mode) => {
      const wasPlaying = useClock.getState().playing;
      await call(bus.pause());
      const resetsBefore = useLog.getState().resets;
      const result = await call(write.importLog(text, mode), 'The write model', IMPORT_TIMEOUT_MS);
      if (mode === 'replace') forgetSession();
      noteUnrecorded('imported file');
      if (mode === 'replace') {
        await call(bus.reset({ log: false }));
        await resetSeen(resetsBefore); // or the page would clear the new log after loading it
        await loadLog(write);
      } else await loadLog(write, result.from);
      for (const view of VIEW_NAMES) await call(bus.rebuildView(view), view, IMPORT_TIMEOUT_MS);
      if (wasPlaying) await call(bus.play());
      return result;
    },
    travelTo: (position, streamId) => {
      timeTravel ??= wrap<TimeTravelApi>(
        watchWorker(new TimeTravelWorker({ name: 'time travel' }), 'time travel'),
      );
      return call(timeTravel.at(position, streamId), 'Time travel', START_TIMEOUT_MS);
    },
  };
};

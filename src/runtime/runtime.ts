// The main thread's client of the workers. It starts them and wires them together with
// MessageChannels: the bus worker talks to the write worker and to each view's worker directly,
// so no command, event or query passes through the page. The page only sends requests to the bus
// and renders the trace it emits.
import { transfer } from 'comlink';
import { remote, timedByProgress, type Remote } from '../bus/remote';
import { createSerialQueue } from '../bus/serialQueue';
import {
  BUS,
  WRITE_MODEL,
  type ViewPhase,
  type SubscriberSettings,
  type TraceFrame,
  type CommandOutcome,
  type QueryAnswer,
  type ViewQuery,
} from '../bus/protocol';
import type { CommandInput } from '../domain/lab';
import { VIEW_NAMES, type ViewName } from '../domain/views';
import type { ImportMode } from '../eventstore/importLog';
import type { LogWindow, LogWindowQuery } from '../eventstore/logWindow';
import type { StoredEvent } from '../domain/types';
import type { Scenario } from '../lessons/types';
import { forgetSession, noteUnrecorded } from '../state/session';
import {
  applyTraceFrames,
  markAllUp,
  markDown,
  setRuntimeStatus,
  showNotice,
} from '../state/stores';
import BusWorker from '../workers/bus.worker?worker';
import type { BusWorkerApi } from '../workers/busWorkerApi';
import ProjectionWorker from '../workers/projection.worker?worker';
import type { ProjectionWorkerApi } from '../workers/projectionWorkerApi';
import type { Moment, TimeTravelApi } from '../projection/timeTravel';
import TimeTravelWorker from '../workers/timeTravel.worker?worker';
import { OUTDATED } from '../eventstore/upgrade';
import {
  EVENT_STORE_NAME,
  inSpace,
  workerNamed,
  type ForkSpace,
  type Space,
} from '../eventstore/space';
import { UNREADABLE_ROW, type UnreadableRowNews } from '../eventstore/unreadable';
import { clearUnreadable, forgetUnreadable, noteUnreadable } from '../state/unreadable';
import type { ForkedLog } from '../eventstore/forkLog';
import { noLogIn, RECOMPUTE_NOTE, storeOf, viewsFedBy, type DesignId } from '../statemodel/designs';
import type { ImportCheck } from '../workers/writeWorkerApi';
import { createControls, type Controls } from './controls';
import { createFrameBuffer } from './frameBuffer';
import { createPageLog, followOtherTabs } from './pageLog';
import { createReplies } from './replies';
import { loadScenario } from './scenario';
import { createWatchdogs } from './watchdog';
import { openWriteSide } from './writeSide';

const CALL_TIMEOUT_MS = 10_000;
const IMPORT_TIMEOUT_MS = 300_000;
const START_TIMEOUT_MS = 30_000;
const SEED = 20_261_123;

export type { CommandInput, Moment };

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
  /** What the learner does to the lab (play, step, pause a view, fault a message…). */
  controls: Controls;
  kill: (view: ViewName) => Promise<void>;
  restart: (view: ViewName) => Promise<void>;
  /** Reads straight from the write side, and its inline view (the read-your-writes lesson). */
  writeSide: {
    readAccount: (accountId: string) => Promise<AccountRead>;
    readInline: (key: string) => Promise<{ value: unknown; asOfPosition: number }>;
    setInlineView: (view: ViewName | null) => Promise<void>;
  };
  /** The log as the table shows it, read from storage in the write worker (the page keeps its tail). */
  readLog: {
    window: (query: LogWindowQuery) => Promise<LogWindow>;
    streams: () => Promise<string[]>;
    at: (position: number) => Promise<StoredEvent | null>;
    /** Up to `limit` events from `from` on, oldest first (a learner's projection replays these). */
    page: (from: number, limit: number) => Promise<StoredEvent[]>;
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
  /**
   * Sets the lab up as a lesson or a share link says, one scenario at a time; resolves with the
   * log's head, or null if `wanted` says no by the time its turn comes.
   */
  loadScenario: (scenario: Scenario, wanted?: () => boolean) => Promise<number | null>;
  /**
   * Removes the row at `position`, which the code cannot read; the events after it move up one,
   * so the page reads the log again and every view is rebuilt. Resolves with the new head.
   */
  removeUnreadable: (position: number) => Promise<number>;
  /** The system as it was at `position` (its own worker, started on first use). */
  travelTo: (position: number, streamId: string | null) => Promise<Moment>;
  /**
   * The system as it was at `position` of another space's log (a fork, or Main from a fork), read
   * by a time-travel worker of that space: comparing a view across logs needs no running bus there.
   */
  travelIn: (space: Space, position: number) => Promise<Moment>;
  /** Starts the fork `fork` with this log's events 1..`upTo` (the write worker copies them). */
  forkLog: (fork: ForkSpace, upTo: number) => Promise<ForkedLog>;
  /** Deletes every store of the fork `fork`, which must not be the space running now. */
  deleteLog: (fork: ForkSpace) => Promise<number>;
  /** The parts found dead and not yet restarted: the bus, the write model. */
  downParts: () => string[];
  /** Stops every worker (before a restart in place). */
  shutdown: () => void;
  /** Makes the bus's or the write model's worker end itself, as a crash would (a fault). */
  crash: (part: typeof BUS | typeof WRITE_MODEL) => Promise<void>;
  /** The write/read design the workers run. */
  design: () => DesignId;
  /** Starts every worker again in `design`, on that design's own stores (the supervisor's job). */
  switchDesign: (design: DesignId) => Promise<void>;
  /** Whose stores the workers run on: the sandbox's or the lessons'. */
  space: () => Space;
  /**
   * Starts every worker again on `space`'s stores (the supervisor's job): the lessons run the
   * event-sourced design, and the sandbox the design last chosen in it.
   */
  enter: (space: Space) => Promise<void>;
};

/** Listens to what a worker tells the page on its own; `log` names the log the lab runs on. */
const watchWorker = (worker: Worker, name: string, log: string): Worker => {
  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    const data = event.data as { kind?: unknown; deleted?: unknown } | null;
    if (data?.kind === UNREADABLE_ROW) {
      const { position, streamId, reason, log: read } = event.data as UnreadableRowNews;
      // A time-travel worker of another log (a fork compared) reports that log's rows, not ours.
      if (read === log) noteUnreadable({ position, streamId, reason });
      return;
    }
    if (data?.kind !== OUTDATED) return;
    setRuntimeStatus({
      phase: 'failed',
      message:
        data.deleted === true
          ? 'This fork was deleted in another tab, with its log and views. Main and the other forks are unchanged: reload this page to go back to Main.'
          : 'A newer version of CQRS Lab, open in another tab, has upgraded the stored log. Reload this page to go on: nothing stored was lost.',
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

const busDown = (design: DesignId) =>
  `The bus stopped answering: its worker is gone, so no message can travel. Everything acknowledged is in the ${storeOf(design)}. A command still on its way has no known fate: after the restart, Retry sends it again under the same id.`;

export type RuntimeOptions = {
  /** Delivery settings per receiver, over the defaults (the latency benchmark sets them to 0). */
  settings?: Record<string, Partial<SubscriberSettings>>;
  /** Also hands every trace frame to `watch` as it arrives (benchmarks). */
  watch?: (frames: readonly TraceFrame[]) => void;
  /** Starts every worker again in place (the page's supervisor); without it, a dead bus asks for a reload. */
  restart?: () => void;
  /** This start follows a restart in place: the log on screen is this session's own. */
  resumed?: boolean;
  /** The write/read design to run (default: CQRS with event sourcing). */
  design?: DesignId;
  /** Whose stores to open: the learner's sandbox (default) or the lessons' own. */
  space?: Space;
};

/** How the bus treats the views in `design`, and why it cannot rebuild one, if it cannot. */
const busDesign = (design: DesignId) =>
  design === 'event-sourced'
    ? {}
    : {
        views: viewsFedBy(design),
        noRebuild: `Rebuild replays a view from the history of events. ${noLogIn(design)}. (${RECOMPUTE_NOTE})`,
      };

export const startRuntime = async ({
  settings,
  watch,
  restart: restartAll,
  resumed = false,
  design = 'event-sourced',
  space = 'sandbox',
}: RuntimeOptions = {}): Promise<Runtime> => {
  /** Refuses what needs the event log in a design that keeps none. */
  const needsLog = () => {
    if (design !== 'event-sourced') throw new Error(`${noLogIn(design)}.`);
  };
  const replies = createReplies();
  const log = createPageLog();
  const ownLog = inSpace(EVENT_STORE_NAME, space);
  // A restart in place reads on from where it was: what its readers found still holds.
  if (!resumed) clearUnreadable();
  const watched = (worker: Worker, name: string) => watchWorker(worker, name, ownLog);
  const onFrames = createFrameBuffer<TraceFrame>((frames) => {
    replies.observe(frames);
    applyTraceFrames(frames);
    forgetUnreadable(frames);
    log.shown(frames);
  });
  const busWorker = watched(new BusWorker({ name: 'bus' }), 'bus');
  const bus = remote<BusWorkerApi>(busWorker, {
    name: 'The bus',
    timeoutMs: CALL_TIMEOUT_MS,
    slowMs: {
      // These wait for views to read the log (a start, a rebuild, a catch-up) or run a history.
      attachView: START_TIMEOUT_MS * 10,
      rebuildView: IMPORT_TIMEOUT_MS,
      catchUpViews: CALL_TIMEOUT_MS * 3,
      settle: IMPORT_TIMEOUT_MS,
      reset: START_TIMEOUT_MS,
    },
    // A view's start or rebuild waits for that view, so a timeout names it.
    about: { attachView: (view) => view, rebuildView: (view) => view },
  });
  /** False once the bus's watchdog found it gone: its controls are refused from then on. */
  let busUp = true;
  const watchdogs = createWatchdogs();
  const workers = new Map<ViewName, { worker: Worker; api: Remote<ProjectionWorkerApi> }>();
  /** The bus and write model workers, once started (the views' are in `workers`). */
  const started: Worker[] = [busWorker];
  const viewWorkers = () => [...workers.values()].map((view) => view.worker);
  /** The views' workers are gone: their panels say so, not what the last frame from them said. */
  const showViewsStopped = () =>
    applyTraceFrames(VIEW_NAMES.map((view) => ({ kind: 'view-phase', view, phase: 'stopped' })));
  /** A start that fails stops every worker it started, so none drives the screen afterwards. */
  const abandon = (error: unknown): never => {
    watchdogs.stopAll();
    void writeOpening.then(
      (opened) => opened.worker.terminate(),
      () => undefined,
    );
    for (const worker of [...started, ...viewWorkers()]) worker.terminate();
    showViewsStopped();
    throw error;
  };

  /** Stops watching a view's worker and ends it. */
  const letGo = (view: ViewName) => {
    watchdogs.forget(view);
    const worker = workers.get(view);
    worker?.api.abort(`${view} was stopped`);
    worker?.worker.terminate();
    workers.delete(view);
  };
  const kill = async (view: ViewName) => {
    watchdogs.forget(view);
    await bus.stopView(view);
    letGo(view);
  };
  /**
   * Starts a view's worker and connects it (its script loads and its stores open), ready for the bus
   * to attach: at start-up every worker does this at once, while the bus starts.
   */
  const connectView = async (view: ViewName): Promise<MessagePort> => {
    const worker = watched(new ProjectionWorker({ name: view }), view);
    const api = remote<ProjectionWorkerApi>(worker, { name: view, timeoutMs: CALL_TIMEOUT_MS });
    workers.set(view, { worker, api });
    // Watched from the start: a worker that dies while it catches up is stopped, and its start with it.
    watchdogs.watch(
      view,
      () => api.ping(),
      () => {
        void kill(view).catch(() => undefined);
        showNotice(`${view} stopped answering: its worker is gone. Restart ${view}.`);
      },
    );
    const channel = new MessageChannel();
    await api.connect(view, transfer(channel.port1, [channel.port1]), design, space);
    return channel.port2;
  };
  const attach = async (view: ViewName, connected = connectView(view)) => {
    const port = await connected;
    // The start is timed from its latest progress (remote()): a long log's catch-up takes its time.
    await bus.attachView(view, transfer(port, [port]), timedByProgress);
  };

  // Every worker starts at once: each loads its script and opens its stores while the others do,
  // and only the wiring waits on the bus. A start abandoned meanwhile ends them all (`abandon`).
  const writeOpening = openWriteSide({ bus, watchdogs, log, watchWorker: watched, design, space });
  const connecting = new Map(VIEW_NAMES.map((view) => [view, connectView(view)] as const));
  for (const opening of [writeOpening, ...connecting.values()]) void opening.catch(() => undefined);

  /** What the runtime itself knows from the trace (it never reads the screen's stores to decide). */
  const known = { playing: true, phases: new Map<string, ViewPhase>() };
  const learn = (frames: readonly TraceFrame[]) => {
    for (const frame of frames)
      if (frame.kind === 'clock') known.playing = frame.playing;
      else if (frame.kind === 'view-phase') known.phases.set(frame.view, frame.phase);
  };
  await bus
    .setTraceListener(
      // remote() sends a function as a proxy: the bus calls it back with each batch of frames.
      (frames: TraceFrame[]) => {
        learn(frames);
        log.learn(frames);
        watch?.(frames);
        onFrames(frames);
      },
    )
    .catch(abandon);
  const write = await writeOpening.catch(abandon);
  started.push(write.worker);
  await bus
    .start(transfer(write.port, [write.port]), SEED, settings, busDesign(design))
    .catch(abandon);

  /** Time travel's workers, one per space read (this one's, and any compared with it). */
  const travellers = new Map<Space, { worker: Worker; api: Remote<TimeTravelApi> }>();
  const travellerIn = (where: Space) => {
    let traveller = travellers.get(where);
    if (!traveller) {
      const worker = watched(
        new TimeTravelWorker({ name: workerNamed('time travel', where) }),
        'time travel',
      );
      const api = remote<TimeTravelApi>(worker, {
        name: 'Time travel',
        timeoutMs: START_TIMEOUT_MS,
      });
      traveller = { worker, api };
      travellers.set(where, traveller);
    }
    return traveller.api;
  };

  await Promise.all([
    ...VIEW_NAMES.map((view) => attach(view, connecting.get(view))),
    log.load(write.api),
  ]).catch(abandon);
  const channel = followOtherTabs(() => ({ tab: write.tab, write: write.api }), bus, log, space);
  if (log.head() > 0 && !resumed) noteUnrecorded('earlier visit');

  const shutdown = () => {
    watchdogs.stopAll();
    channel?.close();
    for (const { worker } of travellers.values()) worker.terminate();
    for (const worker of [busWorker, write.worker, ...viewWorkers()]) worker.terminate();
  };
  watchdogs.watch(
    'bus',
    () => bus.ping(),
    () => {
      busUp = false;
      bus.abort('the bus stopped answering');
      shutdown();
      markDown(BUS, true);
      replies.fail(new Error('the bus stopped answering'));
      setRuntimeStatus({
        phase: 'failed',
        message: busDown(design),
        ...(restartAll ? { action: { label: 'Restart workers', run: restartAll } } : {}),
      });
    },
  );
  write.watch();
  markAllUp();
  setRuntimeStatus({ phase: 'ready' });

  const scenarios = createSerialQueue();
  /** The log was replaced or renumbered: the page drops its copy of it and reads it again. */
  const readLogAgain = async () => {
    const resetShown = log.nextResetShown();
    await bus.reset({ log: false });
    await resetShown; // or the page would clear the new log after loading it
    await log.load(write.api);
  };

  const runtime: Runtime = {
    dispatch: async (command, expectedVersions, commandId = crypto.randomUUID()) => {
      const meta = {
        commandId,
        issuedAt: new Date().toISOString(),
        ...(expectedVersions ? { expectedVersions } : {}),
      };
      const outcome = replies.outcomeOf(meta.commandId);
      await bus.sendCommand({ ...command, meta });
      return outcome;
    },
    query: async (view, query) => {
      const id = await bus.sendQuery(view, query);
      return replies.answerTo(id);
    },
    controls: createControls(bus, () => busUp),
    kill,
    restart: async (view) => {
      // A running worker stays; one the bus stopped (its start or rebuild failed) is replaced.
      if (workers.has(view) && known.phases.get(view) !== 'stopped') return;
      letGo(view);
      await attach(view);
    },
    writeSide: {
      readAccount: (accountId) => write.api.readAccount(accountId),
      readInline: (key) => write.api.readInline(key),
      setInlineView: (view) => write.api.setInlineView(view),
    },
    readLog: {
      window: (query) => write.api.logWindow(query),
      streams: () => write.api.logStreams(),
      at: (position) => write.api.eventAt(position),
      page: (from, limit) => write.api.readAll({ fromPosition: from, limit }),
    },
    exportLog: () => write.whole((api) => api.exportLog()),
    checkImport: (text, mode) => write.whole<ImportCheck>((api) => api.checkImport(text, mode)),
    importLog: async (text, mode) => {
      needsLog();
      const wasPlaying = known.playing;
      await bus.pause();
      const result = await write.whole((api) => api.importLog(text, mode));
      if (mode === 'replace') forgetSession();
      noteUnrecorded('imported file');
      if (mode === 'replace') await readLogAgain();
      else await log.load(write.api, result.from);
      for (const view of VIEW_NAMES) await bus.rebuildView(view, timedByProgress);
      if (wasPlaying) await bus.play();
      return result;
    },
    removeUnreadable: async (position) => {
      needsLog();
      const wasPlaying = known.playing;
      await bus.pause();
      const head = await write.whole((api) => api.removeUnreadable(position));
      await readLogAgain();
      for (const view of VIEW_NAMES) await bus.rebuildView(view, timedByProgress);
      if (wasPlaying) await bus.play();
      return head;
    },
    loadScenario: (scenario, wanted = () => true) =>
      scenarios(async () =>
        wanted()
          ? loadScenario({ ...runtime, nextResetShown: log.nextResetShown }, scenario)
          : null,
      ),
    travelTo: (position, streamId) => {
      needsLog();
      return travellerIn(space).at(position, streamId);
    },
    travelIn: (where, position) => travellerIn(where).at(position, null),
    forkLog: (fork, upTo) => {
      needsLog();
      return write.whole((api) => api.forkLog(fork, upTo));
    },
    deleteLog: async (fork) => {
      // This page's own reader of that log lets go first, or the deletion would wait on it.
      const traveller = travellers.get(fork);
      traveller?.worker.terminate();
      travellers.delete(fork);
      return write.whole((api) => api.deleteSpace(fork));
    },
    downParts: () => [...(busUp ? [] : [BUS]), ...(write.isDown() ? [WRITE_MODEL] : [])],
    shutdown,
    crash: (part) => (part === BUS ? bus.crash() : write.api.crash()),
    design: () => design,
    space: () => space,
    switchDesign: () =>
      Promise.reject(new Error('Only the page’s supervisor can start the workers again')),
    enter: () =>
      Promise.reject(new Error('Only the page’s supervisor can start the workers again')),
  };
  return runtime;
};

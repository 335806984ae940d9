// What the bus worker offers the page: send commands and queries, control time, and manage views.
import { proxy, wrap } from 'comlink';
import type { SubscriberSettings } from '../bus/messages';
import type { TraceFrame, TraceListener } from '../bus/trace';
import { createBusHost, type BusHost, type ViewEndpoint, type WriteEndpoint } from './busHost';
import { withTimeout } from '../bus/timeout';
import { crashSoon } from './crash';
import type { Progress, ViewQuery } from './projectionHost';
import type { ViewApi } from './projectionWorkerApi';

const CALL_MS = 15_000;
const CATCH_UP_MS = 300_000;

/**
 * Calls to another worker that time out, and that all fail at once when the bus learns the worker
 * is gone (killed or crashed), instead of each waiting out its timeout.
 */
const abortable = (what: string) => {
  let abort: (error: Error) => void = () => undefined;
  const dead = new Promise<never>((_, reject) => (abort = reject));
  dead.catch(() => undefined);
  return {
    call: <T>(work: Promise<T>, ms = CALL_MS) => Promise.race([withTimeout(work, ms, what), dead]),
    abort: (why: string) => abort(new Error(why)),
  };
};

/** A view's worker seen from the bus. */
const remoteView = (view: string, port: MessagePort): ViewEndpoint => {
  const remote = wrap<ViewApi>(port);
  const { call, abort } = abortable(view);
  return {
    start: (progress: Progress) => call(remote.start(proxy(progress)), CATCH_UP_MS),
    rebuild: (progress: Progress) => call(remote.rebuild(proxy(progress)), CATCH_UP_MS),
    apply: (delivery) => call(remote.apply(delivery)),
    undo: (undo) => call(remote.undo(undo)),
    reset: () => call(remote.reset()),
    headMovedTo: (position) => call(remote.headMovedTo(position)),
    ask: (query) => call(remote.ask(query)),
    setDuplicateCheck: (on) => call(remote.setDuplicateCheck(on)),
    catchUp: () => call(remote.catchUp(), CATCH_UP_MS),
    abort: () => abort(`${view} was stopped`),
  };
};

/** The write model seen from the bus. */
const remoteWrite = (port: MessagePort): WriteEndpoint => {
  const remote = wrap<WriteEndpoint>(port);
  const { call, abort } = abortable('The write model');
  return {
    handle: (commands) => call(remote.handle(commands)),
    undo: (ids) => call(remote.undo(ids)),
    reset: () => call(remote.reset()),
    abort: () => abort('the write model stopped'),
  };
};

const FLUSH_MS = 16;

export const createBusWorkerApi = () => {
  let listener: TraceListener | undefined;
  let buffer: TraceFrame[] = [];
  let flushing = false;
  let host: BusHost | undefined;

  // Frames leave the worker at most once per ~frame, in order.
  const emit = (frame: TraceFrame) => {
    buffer.push(frame);
    if (flushing) return;
    flushing = true;
    setTimeout(() => {
      flushing = false;
      const frames = buffer;
      buffer = [];
      listener?.(frames);
    }, FLUSH_MS);
  };

  const bus = () => {
    if (!host) throw new Error('The bus has not been started');
    return host;
  };

  return {
    setTraceListener: (next: TraceListener) => {
      listener = next;
    },
    start: (
      writePort: MessagePort,
      seed: number,
      settings?: Record<string, Partial<SubscriberSettings>>,
    ) => {
      host = createBusHost({
        seed,
        write: remoteWrite(writePort),
        emit,
        realNow: () => performance.now(),
        sleep: (ms, wake) =>
          Promise.race([new Promise<void>((resolve) => setTimeout(resolve, ms)), wake]),
        settings,
      });
    },
    /** Answers at once: the page's watchdog asks every second whether this worker is alive. */
    ping: () => true,
    /** Ends this worker as a crash would (a fault the learner injects). */
    crash: crashSoon,
    stopWrite: () => bus().stopWrite(),
    /** A restarted write model, served on `port`: the commands that waited go to it. */
    attachWrite: (port: MessagePort) => bus().attachWrite(remoteWrite(port)),
    attachView: (view: string, port: MessagePort) => bus().attachView(view, remoteView(view, port)),
    stopView: (view: string) => bus().stopView(view),
    pauseView: (view: string) => bus().pauseView(view),
    resumeView: (view: string) => bus().resumeView(view),
    rebuildView: (view: string) => bus().rebuildView(view),
    setDelay: (endpoint: string, delayMs: number) => bus().setDelay(endpoint, delayMs),
    setDuplicateCheck: (view: string, on: boolean) => bus().setDuplicateCheck(view, on),
    catchUpViews: () => bus().catchUpViews(),
    sendCommand: (command: unknown) => bus().sendCommand(command),
    sendQuery: (view: string, query: ViewQuery) => bus().sendQuery(view, query),
    play: () => bus().play(),
    pause: () => bus().pause(),
    step: () => bus().step(),
    stepBack: () => bus().stepBack(),
    setSpeed: (speed: number) => bus().setSpeed(speed),
    reset: (options?: { log?: boolean }) => bus().reset(options),
    /** Delivers everything due, however far ahead (scripted scenarios). */
    settle: () => bus().settle(),
    drop: (id: number) => bus().drop(id),
    duplicate: (id: number) => bus().duplicate(id),
    delayMessage: (id: number, byMs: number) => bus().delayMessage(id, byMs),
    startLoad: (load: { perSecond: number; readShare: number; seconds: number }) =>
      bus().startLoad(load),
    stopLoad: () => bus().stopLoad(),
  };
};

export type BusWorkerApi = ReturnType<typeof createBusWorkerApi>;

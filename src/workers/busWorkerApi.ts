// What the bus worker offers the page: send commands and queries, control time, and manage views.
import { proxy, wrap } from 'comlink';
import type { SubscriberSettings } from '../bus/messages';
import type { TraceFrame, TraceListener } from '../bus/trace';
import { createBusHost, type BusHost, type ViewEndpoint, type WriteEndpoint } from './busHost';
import { withTimeout } from '../bus/timeout';
import type { Progress, ViewQuery } from './projectionHost';
import type { ViewApi } from './projectionWorkerApi';

const CALL_MS = 15_000;
const CATCH_UP_MS = 300_000;

/** A view's worker seen from the bus: calls time out, and a kill fails the one in flight at once. */
const remoteView = (view: string, port: MessagePort): ViewEndpoint => {
  const remote = wrap<ViewApi>(port);
  let abort: (error: Error) => void = () => undefined;
  const dead = new Promise<never>((_, reject) => (abort = reject));
  dead.catch(() => undefined);
  const call = <T>(work: Promise<T>, ms = CALL_MS) =>
    Promise.race([withTimeout(work, ms, view), dead]);
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
    abort: () => abort(new Error(`${view} was stopped`)),
  };
};

const remoteWrite = (port: MessagePort): WriteEndpoint => {
  const remote = wrap<WriteEndpoint>(port);
  return {
    handle: (commands) => withTimeout(remote.handle(commands), CALL_MS, 'The write model'),
    undo: (ids) => withTimeout(remote.undo(ids), CALL_MS, 'The write model'),
    reset: () => withTimeout(remote.reset(), CALL_MS, 'The write model'),
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

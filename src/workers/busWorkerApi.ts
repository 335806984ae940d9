// What the bus worker offers the page: send commands and queries, control time, and manage views.
import type {
  SubscriberSettings,
  TraceFrame,
  TraceListener,
  ViewApi,
  ViewQuery,
  WriteApi,
} from '../bus/protocol';
import type { LabCommand } from '../domain/lab';
import { createBusHost, type BusHost, type BusHostDeps } from '../bus/host';
import { remote } from '../bus/remote';
import { crashSoon } from './crash';

const CALL_MS = 15_000;
/**
 * A start, rebuild or catch-up reads the log from the view's checkpoint, maybe all of it. A start
 * or rebuild reports progress, so for them this is the longest wait between two reports.
 */
const CATCH_UP_MS = 300_000;

/** A view's worker seen from the bus. */
const remoteView = (view: string, port: MessagePort) =>
  remote<ViewApi>(port, {
    name: view,
    timeoutMs: CALL_MS,
    slowMs: { start: CATCH_UP_MS, rebuild: CATCH_UP_MS, catchUp: CATCH_UP_MS },
  });

/** The write model seen from the bus. */
const remoteWrite = (port: MessagePort) =>
  remote<WriteApi>(port, { name: 'The write model', timeoutMs: CALL_MS });

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
      design: Pick<BusHostDeps, 'views' | 'noRebuild'> = {},
    ) => {
      host = createBusHost({
        ...design,
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
    /** `progressed` is called as the view's start moves on: the page times the start by it. */
    attachView: (view: string, port: MessagePort, progressed?: () => void) =>
      bus().attachView(view, remoteView(view, port), progressed),
    stopView: (view: string) => bus().stopView(view),
    pauseView: (view: string) => bus().pauseView(view),
    resumeView: (view: string) => bus().resumeView(view),
    rebuildView: (view: string, progressed?: () => void) => bus().rebuildView(view, progressed),
    setDelay: (endpoint: string, delayMs: number) => bus().setDelay(endpoint, delayMs),
    resetDelay: (endpoint: string) => bus().resetDelay(endpoint),
    setDuplicateCheck: (view: string, on: boolean) => bus().setDuplicateCheck(view, on),
    catchUpViews: () => bus().catchUpViews(),
    sendCommand: (command: LabCommand) => bus().sendCommand(command),
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

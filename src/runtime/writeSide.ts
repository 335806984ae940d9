// The write model's worker as the page keeps it: started, watched, found dead and restarted. While
// it is down the bus holds its mail; a new worker gets the commands that waited, and what the old
// one stored but never announced is read into the page's log and every view.
import { transfer, wrap, type Remote } from 'comlink';
import { WRITE_MODEL } from '../bus/messages';
import { markDown, setRuntimeStatus, useDownParts, useLog } from '../state/stores';
import type { BusWorkerApi } from '../workers/busWorkerApi';
import WriteWorker from '../workers/write.worker?worker';
import type { WriteWorkerApi } from '../workers/writeWorkerApi';
import { loadLog } from './pageLog';
import type { Watchdogs } from './watchdog';

const CALL_TIMEOUT_MS = 10_000;
const WHOLE_FILE_TIMEOUT_MS = 300_000;
const NAME = 'write model';

const WRITE_DOWN =
  'The write model stopped answering: its worker is gone. Nothing it acknowledged is lost (it is in the event store). Commands wait on the bus until it is back, and the one it was handling goes again under the same command id, so it cannot be saved twice.';

export type WriteSideDeps = {
  bus: Remote<BusWorkerApi>;
  watchdogs: Watchdogs;
  call: <T>(work: Promise<T>, what?: string, ms?: number) => Promise<T>;
  /** Reports a worker's own error events and upgrade notices. */
  watchWorker: (worker: Worker, name: string) => Worker;
};

/** Starts the write model's worker; `port` is for the bus (`bus.start`), then call `watch`. */
export const openWriteSide = async ({ bus, watchdogs, call, watchWorker }: WriteSideDeps) => {
  const open = async () => {
    const worker = watchWorker(new WriteWorker({ name: NAME }), NAME);
    const api = wrap<WriteWorkerApi>(worker);
    const channel = new MessageChannel();
    await call(api.connectBus(transfer(channel.port1, [channel.port1])), 'The write model');
    return { worker, api, tab: await call(api.tabId(), 'The write model'), port: channel.port2 };
  };
  const first = await open();
  let current = first;

  const down = async () => {
    watchdogs.forget(NAME);
    markDown(WRITE_MODEL, true);
    current.worker.terminate();
    setRuntimeStatus({
      phase: 'failed',
      message: WRITE_DOWN,
      action: { label: 'Restart write model', run: () => void restart() },
    });
    await call(bus.stopWrite()).catch(() => undefined);
  };
  const watch = () =>
    watchdogs.watch(
      NAME,
      () => current.api.ping(),
      () => void down(),
    );
  const restart = async () => {
    setRuntimeStatus({ phase: 'starting' });
    try {
      current = await open();
      await call(bus.attachWrite(transfer(current.port, [current.port])));
      await loadLog(current.api, useLog.getState().head + 1);
      await call(bus.catchUpViews(), 'The views', CALL_TIMEOUT_MS * 3);
      watch();
      markDown(WRITE_MODEL, false);
      setRuntimeStatus({ phase: 'ready' });
    } catch (error) {
      setRuntimeStatus({
        phase: 'failed',
        message: `The write model could not be restarted: ${String(error)}`,
        action: { label: 'Restart write model', run: () => void restart() },
      });
    }
  };

  /**
   * A whole log file is checked or built in one go, which may keep the worker from answering its
   * watchdog for a while: the call's own (long) timeout watches it instead.
   */
  let wholeFileCalls = 0;
  const whole = async <T>(work: (api: Remote<WriteWorkerApi>) => Promise<T>): Promise<T> => {
    wholeFileCalls += 1;
    watchdogs.forget(NAME);
    try {
      return await call(work(current.api), 'The write model', WHOLE_FILE_TIMEOUT_MS);
    } finally {
      wholeFileCalls -= 1;
      if (wholeFileCalls === 0 && !useDownParts.getState().down.includes(WRITE_MODEL)) watch();
    }
  };

  return {
    port: first.port,
    /** The worker running now (it changes when the write model is restarted). */
    get api() {
      return current.api;
    },
    get tab() {
      return current.tab;
    },
    get worker() {
      return current.worker;
    },
    watch,
    whole,
  };
};

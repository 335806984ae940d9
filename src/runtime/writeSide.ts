// The write model's worker as the page keeps it: started, watched, found dead and restarted. While
// it is down the bus holds its mail; a new worker gets the commands that waited, and what the old
// one stored but never announced is read into the page's log and every view.
import { transfer } from 'comlink';
import { WRITE_MODEL } from '../bus/protocol';
import { markDown, setRuntimeStatus } from '../state/stores';
import { remote, type Calls, type Remote } from '../bus/remote';
import type { BusWorkerApi } from '../workers/busWorkerApi';
import WriteWorker from '../workers/write.worker?worker';
import type { WriteWorkerApi } from '../workers/writeWorkerApi';
import { storeOf, type DesignId } from '../statemodel/designs';
import { workerNamed, type Space } from '../eventstore/space';
import { catchUpWithLog, type PageLog } from './pageLog';
import type { Watchdogs } from './watchdog';

const CALL_TIMEOUT_MS = 10_000;
const WHOLE_FILE_TIMEOUT_MS = 300_000;
/** While a whole file is checked in one go the worker may not answer for a while: wait longer. */
const WHOLE_FILE_SILENCE_MS = 60_000;
const NAME = 'write model';

const writeDown = (design: DesignId) =>
  `The write model stopped answering: its worker is gone. Nothing it acknowledged is lost (it is in the ${storeOf(design)}). Commands wait on the bus until it is back, and the one it was handling goes again under the same command id, so it cannot be saved twice.`;

export type WriteSideDeps = {
  bus: Calls<BusWorkerApi>;
  watchdogs: Watchdogs;
  /** The page's copy of the log, brought up to date after a restart. */
  log: PageLog;
  /** Reports a worker's own error events and upgrade notices. */
  watchWorker: (worker: Worker, name: string) => Worker;
  /** The design the write model runs (a restarted worker runs it too). */
  design: DesignId;
  /** Whose stores it opens (named in the worker's name: it opens them as it starts). */
  space: Space;
};

/** Starts the write model's worker; `port` is for the bus (`bus.start`), then call `watch`. */
export const openWriteSide = async ({
  bus,
  watchdogs,
  log,
  watchWorker,
  design,
  space,
}: WriteSideDeps) => {
  const open = async () => {
    const worker = watchWorker(new WriteWorker({ name: workerNamed(NAME, space) }), NAME);
    try {
      const api = remote<WriteWorkerApi>(worker, {
        name: 'The write model',
        timeoutMs: CALL_TIMEOUT_MS,
        slowMs: {
          exportLog: WHOLE_FILE_TIMEOUT_MS,
          checkImport: WHOLE_FILE_TIMEOUT_MS,
          importLog: WHOLE_FILE_TIMEOUT_MS,
        },
        // The page reads the log through the write worker, a page at a time.
        about: {
          readAll: () => 'The event store',
          readTail: () => 'The event store',
          logWindow: () => 'The event store',
        },
      });
      const channel = new MessageChannel();
      await api.connectBus(transfer(channel.port1, [channel.port1]), design);
      return { worker, api, tab: await api.tabId(), port: channel.port2 };
    } catch (error) {
      worker.terminate(); // a worker that never came up is not left running
      throw error;
    }
  };
  const first = await open();
  let current = first;

  /** Whether the worker was found dead and not yet restarted (the runtime's own record). */
  let isDown = false;
  const stillDown = () => isDown;
  const down = async () => {
    watchdogs.forget(NAME);
    isDown = true;
    markDown(WRITE_MODEL, true);
    current.api.abort('The write model stopped answering: its worker is gone');
    current.worker.terminate();
    setRuntimeStatus({
      phase: 'failed',
      message: writeDown(design),
      action: { label: 'Restart write model', run: () => void restart() },
    });
    await bus.stopWrite().catch(() => undefined);
  };
  let wholeFileCalls = 0;
  const watch = () =>
    watchdogs.watch(
      NAME,
      () => current.api.ping(),
      () => void down(),
      wholeFileCalls > 0 ? { deadAfterMs: WHOLE_FILE_SILENCE_MS } : {},
    );
  /** Every worker was stopped meanwhile (the bus died): a new one goes too, and says nothing. */
  const abandoned = () => {
    if (!watchdogs.stopped()) return false;
    current.worker.terminate();
    return true;
  };
  let restarting = false;
  const restart = async () => {
    if (restarting) return;
    restarting = true;
    setRuntimeStatus({ phase: 'starting' });
    try {
      current = await open();
      if (abandoned()) return;
      await bus.attachWrite(transfer(current.port, [current.port]));
      await catchUpWithLog(log, current.api, bus);
      if (abandoned()) return;
      watch();
      isDown = false;
      markDown(WRITE_MODEL, false);
      setRuntimeStatus({ phase: 'ready' });
    } catch (error) {
      if (abandoned()) return;
      setRuntimeStatus({
        phase: 'failed',
        message: `The write model could not be restarted: ${String(error)}`,
        action: { label: 'Restart write model', run: () => void restart() },
      });
    } finally {
      restarting = false;
    }
  };

  /**
   * A whole log file is checked or built in one go, which may keep the worker from answering its
   * watchdog for a while: the watchdog waits a minute instead of seconds while one runs.
   */
  const whole = async <T>(work: (api: Remote<WriteWorkerApi>) => Promise<T>): Promise<T> => {
    if (isDown) throw new Error('The write model is not running: restart it first');
    wholeFileCalls += 1;
    watch();
    try {
      return await work(current.api);
    } finally {
      wholeFileCalls -= 1;
      // Read again: the worker may have been found dead while the file was being built.
      if (!stillDown()) watch();
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
    isDown: stillDown,
  };
};

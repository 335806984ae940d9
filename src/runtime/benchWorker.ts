// A chapter's bench worker: started in the lessons' space when its workbench opens, stopped when it
// closes, its calls timed out like every other worker's. A supervised one is watched by the
// watchdog, started again when it dies, and connected afresh to the worker it talks to.
import { transfer } from 'comlink';
import { remote, type Remote, type RemoteOptions } from '../bus/remote';
import { workerNamed, type Space } from '../eventstore/space';
import type { Watchdogs } from './watchdog';

type WorkerClass = new (options: { name: string }) => Worker;

export const startBenchWorker = <Api extends object>(
  Worker: WorkerClass,
  name: string,
  {
    space = 'lesson',
    timeoutMs,
    slowMs,
  }: { space?: Space; timeoutMs: number; slowMs?: RemoteOptions<Api>['slowMs'] },
): { api: Remote<Api>; stop: () => void } => {
  const worker = new Worker({ name: workerNamed(name, space) });
  const api = remote<Api>(worker, { name, timeoutMs, ...(slowMs ? { slowMs } : {}) });
  return {
    api,
    stop: () => {
      api.abort(`The ${name.toLowerCase()} was stopped`);
      worker.terminate();
    },
  };
};

/** What a supervised worker offers beside its own calls. */
type Supervisable = {
  ping: () => unknown;
  connect: (port: MessagePort, ...options: never[]) => unknown;
};

/** What a call to a supervised worker came to: its answer, or the worker died before giving one. */
export type Outcome<T> = { answer: T } | { died: true };

/**
 * A bench worker the watchdog restarts when it dies. Each start gets a channel of its own to its
 * peer (`connectPeer` receives the other end), and a call under way when it died comes back as
 * `{ died: true }` rather than an error.
 */
export const superviseBenchWorker = <Api extends Supervisable>(
  Worker: WorkerClass,
  name: string,
  {
    watchdogs,
    connectPeer,
    onRestart,
    options = [],
    timeoutMs = 30_000,
  }: {
    watchdogs: Watchdogs;
    connectPeer: (port: MessagePort) => Promise<unknown>;
    /** Told each time the watchdog has started the worker again. */
    onRestart: () => void;
    /** What each start's `connect` is given after its port. */
    options?: readonly unknown[];
    timeoutMs?: number;
  },
) => {
  const start = () => {
    const started = startBenchWorker<Api>(Worker, name, { timeoutMs });
    const calls = started.api as unknown as Remote<{
      ping: () => unknown;
      connect: (port: MessagePort, ...options: unknown[]) => unknown;
    }>;
    const channel = new MessageChannel();
    void connectPeer(transfer(channel.port1, [channel.port1])).catch(() => undefined);
    // A worker that cannot start says so when the page next asks it; the watchdog sees it die.
    calls.connect(transfer(channel.port2, [channel.port2]), ...options).catch(() => undefined);
    watchdogs.watch(name, () => calls.ping(), restart);
    return { ...started, dead: false };
  };
  let current = start();

  function restart() {
    if (watchdogs.stopped()) return;
    // Marked dead before it is stopped: the calls it leaves unanswered come back as `died`.
    current.dead = true;
    current.stop();
    current = start();
    onRestart();
  }

  return {
    /** The worker running now (a new one after each restart). */
    api: () => current.api,
    /** Runs `work` on the worker running now; `{ died: true }` if it died before answering. */
    call: async <T>(work: (api: Remote<Api>) => Promise<T>): Promise<Outcome<T>> => {
      const instance = current;
      try {
        return { answer: await work(instance.api) };
      } catch (error) {
        if (instance.dead) return { died: true };
        throw error;
      }
    },
    /** Ends the worker at once, as a crash would: the watchdog notices and restarts it. */
    kill: () => current.stop(),
    stop: () => {
      watchdogs.forget(name);
      current.stop();
    },
  };
};

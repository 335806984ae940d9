// Fulfilment and its process manager, each in a worker of its own in the lessons' space: the page
// connects the manager to the fulfilment worker with a channel of their own, and the watchdog that
// watches the lab's other workers starts the manager again when it dies, on the state it saved.
import type { Remote } from '../bus/remote';
import type { FulfilmentWorkerApi } from '../workers/fulfilmentWorkerApi';
import FulfilmentWorker from '../workers/fulfilment.worker?worker';
import type { ProcessManagerWorkerApi } from '../workers/processManagerWorkerApi';
import ProcessManagerWorker from '../workers/processManager.worker?worker';
import { startBenchWorker, superviseBenchWorker } from './benchWorker';
import { createWatchdogs, type WatchdogOptions } from './watchdog';

export type { OrderSummary } from '../process/fulfilmentService';
export type { Sent } from '../process/managerService';

export type FulfilmentRuntime = {
  fulfilment: Remote<FulfilmentWorkerApi>;
  /** The manager running now (a new one after each restart). */
  manager: () => Remote<ProcessManagerWorkerApi>;
  /** Ends the manager's worker at once, as a crash would: the watchdog notices and restarts it. */
  kill: () => void;
  stop: () => void;
};

export const startFulfilment = ({
  onRestart = () => undefined,
  patience = {},
  ackDelayMs,
}: {
  /** Told each time the watchdog has started the manager again. */
  onRestart?: () => void;
  patience?: Partial<Omit<WatchdogOptions, 'ping' | 'onDead'>>;
  /** Between each answer and the manager saving it (the worker's own wait when not given). */
  ackDelayMs?: number;
} = {}): FulfilmentRuntime => {
  const fulfilment = startBenchWorker<FulfilmentWorkerApi>(FulfilmentWorker, 'Fulfilment', {
    timeoutMs: 30_000,
  });
  const watchdogs = createWatchdogs(patience);
  const manager = superviseBenchWorker<ProcessManagerWorkerApi>(
    ProcessManagerWorker,
    'Process manager',
    {
      watchdogs,
      connectPeer: (port) => fulfilment.api.connect(port),
      onRestart,
      options: ackDelayMs === undefined ? [] : [ackDelayMs],
    },
  );
  return {
    fulfilment: fulfilment.api,
    manager: manager.api,
    kill: manager.kill,
    stop: () => {
      watchdogs.stopAll();
      manager.stop();
      fulfilment.stop();
    },
  };
};

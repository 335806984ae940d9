// What the process manager's worker offers: it is given a port to the fulfilment worker, runs its
// host whenever the fulfilment log grows, and moves its virtual clock on when asked.
import type { Space } from '../eventstore/space';
import { openChannel } from '../eventstore/logChannel';
import { remote } from '../bus/remote';
import type { ManagerDb } from '../process/managerHost';
import { createManagerService, type Sent, type ManagerTarget } from '../process/managerService';
import { FULFILMENT_CHANNEL } from './fulfilmentWorkerApi';

/** Between a command's answer and saving it: long enough for a learner to kill the manager. */
export const ACK_DELAY_MS = 1_500;
/** How often the manager looks at its clock for payments now due, when nothing else wakes it. */
const TICK_MS = 1_000;

export const createProcessManagerWorkerApi = (db: ManagerDb, space: Space = 'sandbox') => {
  let service: ReturnType<typeof createManagerService> | undefined;
  const sent: Sent[] = [];
  const channel = openChannel(FULFILMENT_CHANNEL, space);
  channel?.addEventListener('message', () => void service?.run());
  /** The manager, once `connect` has started it (a call before then is refused). */
  const connected = () => {
    if (!service) throw new Error('The process manager is not connected to fulfilment yet');
    return service;
  };
  return {
    ping: () => true,
    /**
     * Starts on `port` (the fulfilment worker): from its saved state and checkpoint, waiting
     * `ackDelayMs` between each answer and saving it.
     */
    connect: (port: MessagePort, ackDelayMs: number = ACK_DELAY_MS) => {
      const target = remote<ManagerTarget>(port, { name: 'Fulfilment', timeoutMs: 30_000 });
      service = createManagerService(db, target, {
        ackDelayMs,
        sent: (one) => sent.push(one),
      });
      setInterval(() => void service?.run().catch(() => undefined), TICK_MS);
      return service.start();
    },
    run: () => connected().run(),
    advance: (ms: number) => connected().advance(ms),
    state: () => connected().state(),
    now: () => connected().now(),
    reset: async () => {
      sent.length = 0;
      await service?.reset();
    },
    /** The commands this worker has sent since it started, and what each was answered. */
    sent: () => sent,
  };
};

export type ProcessManagerWorkerApi = ReturnType<typeof createProcessManagerWorkerApi>;

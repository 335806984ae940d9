// Chapter 17's bench: the orders service, its outbox relay and the warehouse, each in a worker of
// its own in the lessons' space. The service and the relay each reach the warehouse on a channel
// of their own; the watchdog starts either again when it dies (both crash at named points when the
// learner says so), and a call under way when the service died comes back as `died`.
import type { OrderLine, Publishing } from '../statemodel/dualWrite';
import type {
  OrdersWorkerApi,
  RelayWorkerApi,
  WarehouseWorkerApi,
} from '../workers/dualWriteWorkerApi';
import OrdersWorker from '../workers/orders.worker?worker';
import RelayWorker from '../workers/relay.worker?worker';
import WarehouseWorker from '../workers/warehouse.worker?worker';
import { startBenchWorker, superviseBenchWorker, type Outcome } from './benchWorker';
import { createWatchdogs } from './watchdog';

export { PUBLISHING } from '../statemodel/publishing';
export type { OrdersSnapshot, Pick, Publishing } from '../statemodel/dualWrite';
export type { Outcome } from './benchWorker';

/** How long a question to a crashed worker waits before the watchdog starts it again. */
export const DUAL_WRITE_DEAD_AFTER_MS = 2_000;

export type DualWriteWorker = 'Orders service' | 'Relay';

export const startDualWriteBench = ({
  onRestart,
}: {
  /** Told each time the watchdog has started a worker again. */
  onRestart: (worker: DualWriteWorker) => void;
}) => {
  const warehouse = startBenchWorker<WarehouseWorkerApi>(WarehouseWorker, 'Warehouse', {
    timeoutMs: 30_000,
  });
  const watchdogs = createWatchdogs({ deadAfterMs: DUAL_WRITE_DEAD_AFTER_MS });
  const connectPeer = (port: MessagePort) => warehouse.api.connect(port);
  const orders = superviseBenchWorker<OrdersWorkerApi>(OrdersWorker, 'Orders service', {
    watchdogs,
    connectPeer,
    onRestart: () => onRestart('Orders service'),
  });
  const relay = superviseBenchWorker<RelayWorkerApi>(RelayWorker, 'Relay', {
    watchdogs,
    connectPeer,
    onRestart: () => onRestart('Relay'),
  });
  return {
    /** Takes the next order number, then places the order; `died` if the service crashed. */
    place: async (
      line: OrderLine,
      publishing: Publishing,
      crash: boolean,
      taken: (orderId: string) => void,
    ): Promise<Outcome<void>> => {
      const orderId = await orders.api().takeOrderId();
      taken(orderId);
      return orders.call((api) => api.place(orderId, line, publishing, crash));
    },
    orders: () => orders.api().snapshot(),
    picks: () => warehouse.api.picks(),
    armRelay: (crash: boolean) => relay.api().arm(crash),
    reset: async () => {
      await Promise.all([orders.api().reset(), warehouse.api.reset()]);
    },
    stop: () => {
      watchdogs.stopAll();
      orders.stop();
      relay.stop();
      warehouse.stop();
    },
  };
};

export type DualWriteBench = ReturnType<typeof startDualWriteBench>;

// What chapter 17's three workers offer: the orders service (its database, and a port to the
// warehouse), the outbox relay (the same database, and a port of its own to the warehouse) and the
// warehouse (its own database). The service nudges the relay on a channel after each outbox write;
// the relay also looks every second, so a nudge lost in a crash delays a message but loses none.
import { expose } from 'comlink';
import { remote, type Remote } from '../bus/remote';
import { openChannel } from '../eventstore/logChannel';
import type { Space } from '../eventstore/space';
import {
  clearOrders,
  clearWarehouse,
  createRelay,
  ordersSnapshot,
  placeOrder,
  receive,
  takeOrderId,
  type OrderLine,
  type OrderPlacedMessage,
  type OrdersDb,
  type Publishing,
  type WarehouseDb,
} from '../statemodel/dualWrite';
import { crashHere } from './crash';

/** The channel on which the orders service nudges the relay. */
const OUTBOX_CHANNEL = 'cqrs-lab-dual-write-outbox';
/** How often the relay looks at the outbox without a nudge. */
const RELAY_POLL_MS = 1_000;

type Warehouse = { receive: (message: OrderPlacedMessage) => Promise<unknown> };

/** A port to the warehouse, as a sender uses it: refused until `connect` has given one. */
const warehousePort = () => {
  let warehouse: Remote<Warehouse> | undefined;
  return {
    connect: (port: MessagePort) => {
      warehouse = remote<Warehouse>(port, { name: 'Warehouse', timeoutMs: 30_000 });
    },
    publish: (message: OrderPlacedMessage) => {
      if (!warehouse) throw new Error('Not connected to the warehouse yet');
      return warehouse.receive(message);
    },
  };
};

export const createOrdersWorkerApi = (db: OrdersDb, space: Space = 'sandbox') => {
  const channel = openChannel(OUTBOX_CHANNEL, space);
  const warehouse = warehousePort();
  return {
    ping: () => true,
    connect: warehouse.connect,
    takeOrderId: () => takeOrderId(db),
    /** Saves `orderId` and tells the warehouse, as `publishing` says; crashes where it is told to. */
    place: (orderId: string, line: OrderLine, publishing: Publishing, crash: boolean) =>
      placeOrder(
        db,
        {
          publish: warehouse.publish,
          crash: crashHere,
          nudge: () => channel?.postMessage('written'),
        },
        { orderId, ...line },
        publishing,
        crash,
      ),
    snapshot: () => ordersSnapshot(db),
    reset: () => clearOrders(db),
  };
};

export const createRelayWorkerApi = (db: OrdersDb, space: Space = 'sandbox') => {
  const warehouse = warehousePort();
  let armed = false;
  const relay = createRelay(db, {
    publish: warehouse.publish,
    crash: crashHere,
    crashNow: () => armed,
  });
  const run = () => void relay.run().catch(() => undefined);
  return {
    ping: () => true,
    /** Starts relaying on `port` (the warehouse), from the checkpoint it saved. */
    connect: (port: MessagePort) => {
      warehouse.connect(port);
      openChannel(OUTBOX_CHANNEL, space)?.addEventListener('message', run);
      setInterval(run, RELAY_POLL_MS);
      run();
    },
    /** The relay crashes after its next publish, before it saves its checkpoint (a simulator feature). */
    arm: (crash: boolean) => {
      armed = crash;
    },
  };
};

export const createWarehouseWorkerApi = (db: WarehouseDb) => ({
  ping: () => true,
  /** Serves a sender on `port`: each message is stored once, by its id. */
  connect: (port: MessagePort) => {
    expose({ receive: (message: OrderPlacedMessage) => receive(db, message) }, port);
  },
  picks: () => db.picks.toArray(),
  reset: () => clearWarehouse(db),
});

export type OrdersWorkerApi = ReturnType<typeof createOrdersWorkerApi>;
export type RelayWorkerApi = ReturnType<typeof createRelayWorkerApi>;
export type WarehouseWorkerApi = ReturnType<typeof createWarehouseWorkerApi>;

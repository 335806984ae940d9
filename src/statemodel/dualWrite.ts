// The dual-write problem on real storage. An orders service keeps its orders as rows in a database
// of its own (current state, no event log) and tells the warehouse, another service with a
// database of its own, of each order with a message. Saving the row and publishing the message
// are two writes to two systems with no transaction across them, so a crash between the two
// leaves them disagreeing: a saved order the warehouse never hears of (write, then publish), or an
// order the warehouse picks that was never saved (publish, then write). The outbox writes the
// message as a row in the order's own transaction; a relay, with a checkpoint of its own,
// publishes the outbox's rows afterwards. Nothing is lost, but a relay that crashes after
// publishing and before saving its checkpoint publishes that message again, so the warehouse
// applies each message once, by its id.
import Dexie, { type Table } from 'dexie';
import { createDrain } from '../bus/serialQueue';
import type { Publishing } from './publishing';

export type { Publishing };

export const ORDERS_STORE_NAME = 'cqrs-lab-dual-write-orders';
export const WAREHOUSE_STORE_NAME = 'cqrs-lab-dual-write-warehouse';

export type OrderLine = { sku: string; quantity: number };
export type OrderRow = OrderLine & { orderId: string };
/** What the orders service tells the warehouse; the id is the order's, so a copy is recognised. */
export type OrderPlacedMessage = OrderRow & { messageId: string };
export type OutboxRow = { position: number; message: OrderPlacedMessage };

type Meta = { key: 'next-order' | 'relay'; value: number };

export class OrdersDb extends Dexie {
  orders!: Table<OrderRow, string>;
  /** Messages written with their order, numbered in the order they were written. */
  outbox!: Table<OutboxRow, number>;
  /** The next order number, and the relay's checkpoint (the last outbox row it published). */
  meta!: Table<Meta, string>;

  constructor(name: string = ORDERS_STORE_NAME) {
    super(name);
    this.version(1).stores({ orders: 'orderId', outbox: '++position', meta: 'key' });
  }
}

/** An order the warehouse will pick, and how many times its message was delivered. */
export type Pick = OrderPlacedMessage & { deliveries: number };

export class WarehouseDb extends Dexie {
  picks!: Table<Pick, string>;

  constructor(name: string = WAREHOUSE_STORE_NAME) {
    super(name);
    this.version(1).stores({ picks: 'messageId' });
  }
}

/** Sends a message to the warehouse; resolves once the warehouse has stored it. */
export type Publish = (message: OrderPlacedMessage) => Promise<unknown>;
/** Ends the worker where it stands (in a test, rejects): the step after it never runs. */
export type Crash = () => Promise<never>;

export type Receipt = 'applied' | 'delivered again: ignored';

/** The warehouse applies a message once, by its id: a copy is counted and changes nothing else. */
export const receive = (db: WarehouseDb, message: OrderPlacedMessage): Promise<Receipt> =>
  db.transaction('rw', db.picks, async () => {
    const known = await db.picks.get(message.messageId);
    if (known) {
      await db.picks.put({ ...known, deliveries: known.deliveries + 1 });
      return 'delivered again: ignored';
    }
    await db.picks.add({ ...message, deliveries: 1 });
    return 'applied';
  });

/** The orders service's own numbering: a number taken is never given again, saved or not. */
export const takeOrderId = (db: OrdersDb): Promise<string> =>
  db.transaction('rw', db.meta, async () => {
    const next = (await db.meta.get('next-order'))?.value ?? 1;
    await db.meta.put({ key: 'next-order', value: next + 1 });
    return `ORD-${String(next)}`;
  });

/**
 * Places an order the way `publishing` says. With `crashAfterFirstStep`, the worker crashes after
 * the first of its steps: after saving (write, then publish), after publishing (publish, then
 * write), or after the transaction that saves the order and its outbox row (the outbox), before it
 * nudges the relay.
 */
export const placeOrder = async (
  db: OrdersDb,
  { publish, crash, nudge }: { publish: Publish; crash: Crash; nudge: () => void },
  order: OrderRow,
  publishing: Publishing,
  crashAfterFirstStep: boolean,
): Promise<void> => {
  const message: OrderPlacedMessage = { ...order, messageId: `OrderPlaced-${order.orderId}` };
  const firstStepDone = () => (crashAfterFirstStep ? crash() : Promise.resolve());
  switch (publishing) {
    case 'write-then-publish':
      await db.orders.add(order);
      await firstStepDone();
      await publish(message);
      return;
    case 'publish-then-write':
      await publish(message);
      await firstStepDone();
      await db.orders.add(order);
      return;
    case 'outbox':
      await db.transaction('rw', db.orders, db.outbox, async () => {
        await db.orders.add(order);
        await db.outbox.add({ message } as OutboxRow);
      });
      await firstStepDone();
      nudge();
  }
};

/** The last outbox row the relay published and saved as published (0 before any). */
export const relayCheckpoint = async (db: OrdersDb): Promise<number> =>
  (await db.meta.get('relay'))?.value ?? 0;

/**
 * The relay: publishes the outbox's rows after its checkpoint, one at a time, saving the
 * checkpoint after each. `crashNow` is asked after each publish and before its checkpoint is saved.
 */
export const createRelay = (
  db: OrdersDb,
  { publish, crash, crashNow }: { publish: Publish; crash: Crash; crashNow: () => boolean },
) => {
  /** Publishes what is waiting. */
  const run = createDrain(async () => {
    for (;;) {
      const checkpoint = await relayCheckpoint(db);
      const row = await db.outbox.where('position').above(checkpoint).first();
      if (!row) return;
      await publish(row.message);
      if (crashNow()) await crash();
      await db.meta.put({ key: 'relay', value: row.position });
    }
  });
  return { run };
};

/** What the orders service's database holds, for the page. */
export type OrdersSnapshot = {
  orders: OrderRow[];
  outbox: { position: number; orderId: string }[];
  relayedTo: number;
};

export const ordersSnapshot = (db: OrdersDb): Promise<OrdersSnapshot> =>
  db.transaction('r', db.orders, db.outbox, db.meta, async () => ({
    orders: await db.orders.toArray(),
    outbox: (await db.outbox.toArray()).map((row) => ({
      position: row.position,
      orderId: row.message.orderId,
    })),
    relayedTo: await relayCheckpoint(db),
  }));

/** Forgets every order, outbox row, number and checkpoint. */
export const clearOrders = (db: OrdersDb): Promise<void> =>
  db.transaction('rw', db.orders, db.outbox, db.meta, async () => {
    await Promise.all([db.orders.clear(), db.outbox.clear(), db.meta.clear()]);
  });

export const clearWarehouse = (db: WarehouseDb): Promise<void> => db.picks.clear();

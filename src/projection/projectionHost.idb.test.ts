// The Order status projection host against real (in-memory) IndexedDB stores: catching up, applying
// deliveries once, closing gaps left by lost deliveries, and resuming after a restart.
import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventsDelivery, TraceFrame } from '../bus/protocol';
import { rebuildView, type Projection } from '../domain/projection';
import type { OrderLine } from '../domain/shop/events';
import { orderStatusProjection, type OrderStatusRow } from '../domain/shop/orderStatus.projection';
import type { DomainEvent } from '../domain/types';
import { append, EventStoreDb, headPosition, readAll, type StreamAppend } from '../eventstore';
import { ReadStoreDb, readAllRows, readCheckpoint, readRows } from '../readstore/readStoreDb';
import { createProjectionHost } from './projectionHost';
import { alone, webLock, type Exclusive } from './viewLock';

const PLACED_AT = '2025-03-01T10:00:00.000Z';

type Stores = { eventDb: EventStoreDb; readDb: ReadStoreDb; readName: string };

const openConnections: (EventStoreDb | ReadStoreDb)[] = [];
const track = <D extends EventStoreDb | ReadStoreDb>(db: D): D => {
  openConnections.push(db);
  return db;
};

const closeAndDelete = async (connections: (EventStoreDb | ReadStoreDb)[]) => {
  const names = new Set(connections.map((db) => db.name));
  for (const db of connections) db.close();
  for (const name of names) await Dexie.delete(name);
};

afterEach(() => closeAndDelete(openConnections.splice(0)));

const freshStores = (): Stores => {
  const readName = `test-read-${crypto.randomUUID()}`;
  return {
    eventDb: track(new EventStoreDb(`test-events-${crypto.randomUUID()}`)),
    readDb: track(new ReadStoreDb(readName)),
    readName,
  };
};

/** A host as the projection worker builds it; `trace` records every frame it sends. */
const hostOn = (
  { eventDb, readDb }: Pick<Stores, 'eventDb' | 'readDb'>,
  pageSize?: number,
  exclusive?: Exclusive,
) => {
  const trace = vi.fn<(frame: TraceFrame) => void>();
  const host = createProjectionHost({
    projection: orderStatusProjection,
    readDb,
    eventDb,
    trace,
    pageSize,
    ...(exclusive ? { exclusive } : {}),
  });
  return { host, trace, frames: () => trace.mock.calls.map(([frame]) => frame) };
};

/** Counts the events it has applied, so an event applied twice shows at once. */
const eventCountProjection: Projection<number> = {
  name: 'Event count',
  handles: ['ProductAdded', 'StockReserved', 'OrderPlaced'],
  keysOf: () => ['events'],
  project: (rows) => ({ events: (rows.events ?? 0) + 1 }),
};

const countingHostOn = ({ eventDb, readDb }: Pick<Stores, 'eventDb' | 'readDb'>) =>
  createProjectionHost({ projection: eventCountProjection, readDb, eventDb, trace: vi.fn() });

const countedEvents = async (readDb: ReadStoreDb) =>
  (await readRows<number>(readDb, ['events'])).events ?? 0;

let commandCount = 0;
const appendCommand = async (eventDb: EventStoreDb, streams: StreamAppend[]) => {
  commandCount += 1;
  const id = `cmd-${commandCount}`;
  const { events } = await append(eventDb, streams, {
    commandId: id,
    commandType: 'Test',
    correlationId: id,
    causationId: id,
    recordedAt: PLACED_AT,
  });
  return events;
};

/** What the write model would publish for these events. */
const deliveryOf = (events: EventsDelivery['events']): EventsDelivery => ({
  kind: 'events',
  events,
  head: events.at(-1)?.position ?? 0,
});

const addProducts = async (eventDb: EventStoreDb, ...skus: string[]) =>
  deliveryOf(
    await appendCommand(
      eventDb,
      skus.map((sku) => ({
        streamId: `product-${sku}`,
        expectedVersion: 'any',
        events: [
          { type: 'ProductAdded', data: { sku, name: `Product ${sku}`, price: 2, stock: 100 } },
        ],
      })),
    ),
  );

/** Appends OrderPlaced and one StockReserved per line, as an accepted PlaceOrder does. */
const placeOrder = async (
  eventDb: EventStoreDb,
  orderId: string,
  lines: { sku: string; quantity: number }[] = [{ sku: 'SKU-1', quantity: 1 }],
) => {
  const priced: OrderLine[] = lines.map((line) => ({
    ...line,
    name: `Product ${line.sku}`,
    unitPrice: 2,
  }));
  const orderPlaced: DomainEvent = {
    type: 'OrderPlaced',
    data: {
      orderId,
      lines: priced,
      total: priced.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0),
      placedAt: PLACED_AT,
    },
  };
  return deliveryOf(
    await appendCommand(eventDb, [
      { streamId: `order-${orderId}`, expectedVersion: 'any', events: [orderPlaced] },
      ...lines.map((line): StreamAppend => ({
        streamId: `product-${line.sku}`,
        expectedVersion: 'any',
        events: [
          { type: 'StockReserved', data: { sku: line.sku, orderId, quantity: line.quantity } },
        ],
      })),
    ]),
  );
};

const kindAndCheckpoint = (frame: TraceFrame) => [
  frame.kind,
  'checkpoint' in frame ? frame.checkpoint : undefined,
];

const byOrderId = (rows: readonly OrderStatusRow[]) =>
  Object.fromEntries(rows.map((row) => [row.orderId, row]));

/** The view as a rebuild from the log would have it, up to and including `upTo`. */
const rebuiltUpTo = async (eventDb: EventStoreDb, upTo?: number) => {
  const events = await readAll(eventDb, { limit: 10_000 });
  return rebuildView(
    orderStatusProjection,
    events.filter((event) => upTo === undefined || event.position <= upTo),
  );
};

/** Rows and checkpoint in the read store describe the same point in the log. */
const expectStoreConsistent = async ({ eventDb, readDb }: Pick<Stores, 'eventDb' | 'readDb'>) => {
  const checkpoint = await readCheckpoint(readDb);
  const rows = await readAllRows<OrderStatusRow>(readDb);
  expect(Object.fromEntries(rows.map((row) => [row.key, row.value]))).toEqual(
    await rebuiltUpTo(eventDb, checkpoint),
  );
  return checkpoint;
};

describe('Projection host (Order status)', () => {
  describe('When started on a log that already has orders', () => {
    it('catches up to the head and sends the whole view as a snapshot', async () => {
      const stores = freshStores();
      await addProducts(stores.eventDb, 'SKU-1', 'SKU-2');
      await placeOrder(stores.eventDb, 'ORD-1');
      await placeOrder(stores.eventDb, 'ORD-2', [
        { sku: 'SKU-1', quantity: 2 },
        { sku: 'SKU-2', quantity: 1 },
      ]);
      const { host, frames } = hostOn(stores);

      await host.start();

      const snapshot = frames().at(-1);
      const expected = await rebuiltUpTo(stores.eventDb);
      expect(snapshot).toEqual({
        kind: 'view-snapshot',
        view: 'Order status',
        rows: [
          { key: 'ORD-1', value: expected['ORD-1'] },
          { key: 'ORD-2', value: expected['ORD-2'] },
        ],
        checkpoint: 7,
        head: 7,
      });
      expect(expected['ORD-2']).toMatchObject({ builtFrom: [5], total: 6 });
      expect(await readCheckpoint(stores.readDb)).toBe(7);
      await expectStoreConsistent(stores);
    });

    it('answers queries with the caught-up view and how fresh it is', async () => {
      const stores = freshStores();
      await placeOrder(stores.eventDb, 'ORD-1');
      await placeOrder(stores.eventDb, 'ORD-2');
      const { host } = hostOn(stores);
      await host.start();

      const answer = await host.query();

      expect(byOrderId(answer.data)).toEqual(await rebuiltUpTo(stores.eventDb));
      expect(answer).toMatchObject({ asOfPosition: 4, headPosition: 4, servedBy: 'Order status' });
    });

    it('reads the log page by page when it is longer than one page', async () => {
      const stores = freshStores();
      for (const orderId of ['ORD-1', 'ORD-2', 'ORD-3']) await placeOrder(stores.eventDb, orderId);
      const { host, frames } = hostOn(stores, 4);
      const progress = vi.fn<(done: number, total: number) => void>();

      await host.start(progress);

      expect(progress.mock.calls).toEqual([
        [0, 6],
        [4, 6],
        [6, 6],
      ]);
      // Applied in memory, written once with the checkpoint, then sent whole.
      expect(frames().map(kindAndCheckpoint)).toEqual([
        ['view-changed', 6],
        ['view-snapshot', 6],
      ]);
      expect(byOrderId((await host.query()).data)).toEqual(await rebuiltUpTo(stores.eventDb));
      await expectStoreConsistent(stores);
    });

    it('writes its rows and checkpoint every so many events, and reads back rows it let go', async () => {
      const stores = freshStores();
      for (const orderId of ['ORD-1', 'ORD-2', 'ORD-3', 'ORD-1b'])
        await placeOrder(stores.eventDb, orderId);
      await appendCommand(stores.eventDb, [
        {
          streamId: 'order-ORD-1',
          expectedVersion: 'any',
          events: [{ type: 'OrderPaid', data: { orderId: 'ORD-1' } }],
        },
      ]);
      const trace = vi.fn<(frame: TraceFrame) => void>();
      const host = createProjectionHost({
        projection: orderStatusProjection,
        readDb: stores.readDb,
        eventDb: stores.eventDb,
        trace,
        pageSize: 2,
        flushEvents: 4,
        cacheRows: 1,
      });

      await host.start();

      expect(trace.mock.calls.map(([frame]) => kindAndCheckpoint(frame))).toEqual([
        ['view-changed', 4],
        ['view-changed', 8],
        ['view-changed', 9],
        ['view-snapshot', 9],
      ]);
      expect(byOrderId((await host.query()).data)).toEqual(await rebuiltUpTo(stores.eventDb));
      expect(byOrderId((await host.query()).data)['ORD-1']?.status).toBe('paid');
      await expectStoreConsistent(stores);
    });

    it('sends an empty snapshot at checkpoint 0 when the log is empty', async () => {
      const stores = freshStores();
      const { host, frames } = hostOn(stores);

      await host.start();

      expect(frames()).toEqual([
        { kind: 'view-snapshot', view: 'Order status', rows: [], checkpoint: 0, head: 0 },
      ]);
    });
  });

  describe('When a delivered batch follows the checkpoint', () => {
    it('applies it and reports the changed rows with the new checkpoint', async () => {
      const stores = freshStores();
      const { host, frames } = hostOn(stores);
      await addProducts(stores.eventDb, 'SKU-1');
      await host.start();
      const delivery = await placeOrder(stores.eventDb, 'ORD-1', [{ sku: 'SKU-1', quantity: 3 }]);

      await host.apply(delivery);

      const { 'ORD-1': row } = await rebuiltUpTo(stores.eventDb);
      expect(row).toMatchObject({ total: 6, builtFrom: [2] });
      expect(frames().at(-1)).toEqual({
        kind: 'view-changed',
        view: 'Order status',
        changes: [{ key: 'ORD-1', value: row }],
        checkpoint: 3,
        head: 3,
        at: expect.any(Number) as number,
      });
      expect(await expectStoreConsistent(stores)).toBe(3);
      expect((await host.query()).asOfPosition).toBe(3);
    });

    it('moves the checkpoint past events the view does not handle, changing no rows', async () => {
      const stores = freshStores();
      const { host, frames } = hostOn(stores);
      await host.start();

      await host.apply(await addProducts(stores.eventDb, 'SKU-1', 'SKU-2'));

      expect(frames().at(-1)).toMatchObject({ kind: 'view-changed', changes: [], checkpoint: 2 });
      expect(await expectStoreConsistent(stores)).toBe(2);
      expect((await host.query()).data).toEqual([]);
    });

    it('applies deliveries in turn even when they are sent without waiting', async () => {
      const stores = freshStores();
      const { host } = hostOn(stores);
      await host.start();
      const first = await placeOrder(stores.eventDb, 'ORD-1');
      const second = await placeOrder(stores.eventDb, 'ORD-2');

      await Promise.all([host.apply(first), host.apply(second)]);

      expect(await expectStoreConsistent(stores)).toBe(4);
      expect(byOrderId((await host.query()).data)).toEqual(await rebuiltUpTo(stores.eventDb));
    });

    it('reports a head ahead of its checkpoint when the delivery says the log is longer', async () => {
      const stores = freshStores();
      const { host, frames } = hostOn(stores);
      await host.start();
      const delivery = await placeOrder(stores.eventDb, 'ORD-1');

      await host.apply({ ...delivery, head: 9 });

      expect(frames().at(-1)).toMatchObject({ kind: 'view-changed', checkpoint: 2, head: 9 });
      expect(await host.query()).toMatchObject({ asOfPosition: 2, headPosition: 9 });
    });
  });

  describe('When a delivery arrives again', () => {
    it('skips it: the row is built from one event, and nothing is reported', async () => {
      const stores = freshStores();
      const { host, trace } = hostOn(stores);
      await host.start();
      const delivery = await placeOrder(stores.eventDb, 'ORD-1');
      await host.apply(delivery);
      trace.mockClear();

      await host.apply(delivery);

      expect(trace).not.toHaveBeenCalled();
      const [row] = (await host.query()).data;
      expect(row?.builtFrom).toEqual([1]);
      expect(await expectStoreConsistent(stores)).toBe(2);
    });

    it('counts each event once, however often its delivery arrives', async () => {
      const stores = freshStores();
      const host = countingHostOn(stores);
      await host.start();
      const first = await placeOrder(stores.eventDb, 'ORD-1');
      const second = await placeOrder(stores.eventDb, 'ORD-2');

      for (const delivery of [first, first, second, first, second]) await host.apply(delivery);

      expect(await countedEvents(stores.readDb)).toBe(4);
      expect(await readCheckpoint(stores.readDb)).toBe(4);
    });

    it('with the duplicate check off, applies it again and says how many events it reapplied', async () => {
      const stores = freshStores();
      const trace = vi.fn<(frame: TraceFrame) => void>();
      const host = createProjectionHost({
        projection: eventCountProjection,
        readDb: stores.readDb,
        eventDb: stores.eventDb,
        trace,
      });
      await host.start();
      const first = await placeOrder(stores.eventDb, 'ORD-1');
      await host.apply(first);
      await host.setDuplicateCheck(false);
      trace.mockClear();

      await host.apply(first);
      // The original and a copy merged into one delivery are both applied too.
      const second = await placeOrder(stores.eventDb, 'ORD-2');
      await host.apply({ ...second, events: [...second.events, ...second.events] });

      expect(await countedEvents(stores.readDb)).toBe(8);
      expect(await readCheckpoint(stores.readDb)).toBe(4);
      expect(
        trace.mock.calls.map(([frame]) => (frame.kind === 'view-changed' ? frame.reapplied : null)),
      ).toEqual([2, 2]);

      await host.setDuplicateCheck(true);
      await host.apply(second);
      expect(await countedEvents(stores.readDb)).toBe(8);
      await host.rebuild();
      expect(await countedEvents(stores.readDb)).toBe(4);
    });

    it('skips an older delivery that arrives after a newer one', async () => {
      const stores = freshStores();
      const { host, trace } = hostOn(stores);
      await host.start();
      const first = await placeOrder(stores.eventDb, 'ORD-1');
      const second = await placeOrder(stores.eventDb, 'ORD-2');
      await host.apply(first);
      await host.apply(second);
      trace.mockClear();

      await host.apply(first);

      expect(trace).not.toHaveBeenCalled();
      expect((await host.query()).data.map((row) => row.builtFrom)).toEqual([[1], [3]]);
      expect(await expectStoreConsistent(stores)).toBe(4);
    });

    it('applies only the part of a batch beyond the checkpoint', async () => {
      const stores = freshStores();
      const { host, frames } = hostOn(stores);
      await host.start();
      const first = await placeOrder(stores.eventDb, 'ORD-1');
      await host.apply(first);
      const second = await placeOrder(stores.eventDb, 'ORD-2');

      await host.apply({ ...second, events: [...first.events, ...second.events] });

      expect(frames().at(-1)).toMatchObject({
        kind: 'view-changed',
        changes: [{ key: 'ORD-2' }],
        checkpoint: 4,
      });
      expect((await host.query()).data.map((row) => row.builtFrom)).toEqual([[1], [3]]);
      expect(await expectStoreConsistent(stores)).toBe(4);
    });
  });

  describe('When a delivery was lost (the next one leaves a gap)', () => {
    it('catches up from the event store, so the view equals a rebuild from the log', async () => {
      const stores = freshStores();
      const { host } = hostOn(stores);
      await host.start();
      await host.apply(await placeOrder(stores.eventDb, 'ORD-1'));
      await placeOrder(stores.eventDb, 'ORD-2'); // its delivery is lost
      const third = await placeOrder(stores.eventDb, 'ORD-3');

      await host.apply(third);

      expect(byOrderId((await host.query()).data)).toEqual(await rebuiltUpTo(stores.eventDb));
      expect(await expectStoreConsistent(stores)).toBe(6);
    });

    it('closes the gap when a later delivery overtakes an earlier one', async () => {
      const stores = freshStores();
      const { host } = hostOn(stores);
      await host.start();
      const first = await placeOrder(stores.eventDb, 'ORD-1');
      const second = await placeOrder(stores.eventDb, 'ORD-2');

      await host.apply(second);
      await host.apply(first);

      expect((await host.query()).data.map((row) => row.builtFrom)).toEqual([[1], [3]]);
      expect(await expectStoreConsistent(stores)).toBe(4);
    });

    it('reads the events appended after the delivery was sent too', async () => {
      const stores = freshStores();
      const { host } = hostOn(stores);
      await host.start();
      await placeOrder(stores.eventDb, 'ORD-1'); // lost
      const second = await placeOrder(stores.eventDb, 'ORD-2');
      await placeOrder(stores.eventDb, 'ORD-3'); // not delivered yet

      await host.apply(second);

      expect(await host.query()).toMatchObject({ asOfPosition: 6 });
      expect(await expectStoreConsistent(stores)).toBe(6);
    });
  });

  describe('When the host restarts on the same read store', () => {
    const restartedOn = (stores: Stores) => {
      const readDb = track(new ReadStoreDb(stores.readName));
      return { readDb, ...hostOn({ eventDb: stores.eventDb, readDb }) };
    };

    it('resumes from the stored checkpoint without applying anything twice', async () => {
      const stores = freshStores();
      const before = hostOn(stores);
      await before.host.start();
      const first = await placeOrder(stores.eventDb, 'ORD-1');
      await before.host.apply(first);
      stores.readDb.close();

      const after = restartedOn(stores);
      await after.host.start();
      await after.host.apply(first);

      expect(after.frames()).toEqual([
        {
          kind: 'view-snapshot',
          view: 'Order status',
          rows: [{ key: 'ORD-1', value: expect.objectContaining({ builtFrom: [1] }) as unknown }],
          checkpoint: 2,
          head: 2,
        },
      ]);
      expect(await after.host.query()).toMatchObject({ asOfPosition: 2, headPosition: 2 });
      await expectStoreConsistent({ eventDb: stores.eventDb, readDb: after.readDb });
    });

    it('catches up on what was appended while it was down', async () => {
      const stores = freshStores();
      const before = hostOn(stores);
      await before.host.start();
      await before.host.apply(await placeOrder(stores.eventDb, 'ORD-1'));
      stores.readDb.close();
      await placeOrder(stores.eventDb, 'ORD-2');
      await placeOrder(stores.eventDb, 'ORD-3');

      const after = restartedOn(stores);
      await after.host.start();

      expect(after.frames().map(kindAndCheckpoint)).toEqual([
        ['view-changed', 6],
        ['view-snapshot', 6],
      ]);
      expect((await after.host.query()).data.map((row) => row.builtFrom)).toEqual([[1], [3], [5]]);
      await expectStoreConsistent({ eventDb: stores.eventDb, readDb: after.readDb });
    });

    it('skips a delivery it applied before the restart even without calling start', async () => {
      const stores = freshStores();
      const before = hostOn(stores);
      const first = await placeOrder(stores.eventDb, 'ORD-1');
      await before.host.apply(first);
      stores.readDb.close();

      const after = restartedOn(stores);
      await after.host.apply(first);

      expect(after.trace).not.toHaveBeenCalled();
      expect((await after.host.query()).data.map((row) => row.builtFrom)).toEqual([[1]]);
    });
  });

  describe('When two tabs host the view on the same read store', () => {
    // Every tab starts its own projection worker on readStoreName(view), and each tab's write model
    // publishes only to its own worker, so each host sees only some deliveries.
    const secondTabOn = (stores: Stores) => ({
      eventDb: stores.eventDb,
      readDb: track(new ReadStoreDb(stores.readName)),
    });

    // Each host checks the stored checkpoint in the same transaction that writes its rows, so a
    // host whose in-memory checkpoint is stale catches up from the stored one instead.
    it('applies each event once, whichever tab sees it first', async () => {
      const stores = freshStores();
      const tab1 = countingHostOn(stores);
      const tab2 = countingHostOn(secondTabOn(stores));
      await Promise.all([tab1.start(), tab2.start()]);

      await tab1.apply(await placeOrder(stores.eventDb, 'ORD-1'));
      await tab2.apply(await placeOrder(stores.eventDb, 'ORD-2'));

      expect(await countedEvents(stores.readDb)).toBe(4);
    });

    // A late delivery that looks contiguous to a stale host must not write checkpoint 2 over 4.
    it('never moves the stored checkpoint back, so rows and checkpoint agree', async () => {
      const stores = freshStores();
      const tab1 = hostOn(stores);
      const tab2Stores = secondTabOn(stores);
      const tab2 = hostOn(tab2Stores);
      await Promise.all([tab1.host.start(), tab2.host.start()]);
      const fromTab2 = await placeOrder(stores.eventDb, 'ORD-1'); // its delivery is still on its way
      const fromTab1 = await placeOrder(stores.eventDb, 'ORD-2');

      await tab1.host.apply(fromTab1);
      await tab2.host.apply(fromTab2);

      expect(await readCheckpoint(stores.readDb)).toBe(4);
      await expectStoreConsistent(tab2Stores);
    });

    /** One lock shared by both tabs, as a Web Lock is; it counts how many held it at once. */
    const sharedLock = () => {
      let tail: Promise<unknown> = Promise.resolve();
      const lock = { holders: 0, most: 0, taken: 0, exclusive: alone };
      lock.exclusive = <T>(work: () => Promise<T>): Promise<T> => {
        const run = tail.then(async () => {
          lock.holders += 1;
          lock.taken += 1;
          lock.most = Math.max(lock.most, lock.holders);
          try {
            return await work();
          } finally {
            lock.holders -= 1;
          }
        });
        tail = run.catch(() => undefined);
        return run;
      };
      return lock;
    };

    // A rebuild spans many transactions (a page size of 2 makes it so here): while it runs, the
    // other tab's instance must not write the store between two of them.
    it('writes the store one instance at a time, a rebuild included, and ends as a rebuild', async () => {
      const stores = freshStores();
      const lock = sharedLock();
      const tab1 = hostOn(stores, 2, lock.exclusive);
      const tab2Stores = secondTabOn(stores);
      const tab2 = hostOn(tab2Stores, 2, lock.exclusive);
      const early = [];
      for (let i = 0; i < 10; i += 1) early.push(await placeOrder(stores.eventDb, `ORD-${i}`));
      await Promise.all([tab1.host.start(), tab2.host.start()]);
      const late = await placeOrder(stores.eventDb, 'ORD-late');

      await Promise.all([
        tab1.host.rebuild(),
        tab2.host.apply(late),
        tab1.host.apply(late),
        tab2.host.rebuild(),
        tab2.host.catchUp(),
      ]);

      expect(lock.most).toBe(1);
      expect(lock.taken).toBe(2 + 5); // the two starts, then the five operations
      expect(await expectStoreConsistent(tab2Stores)).toBe(22);
    });

    it('takes the Web Lock named after its read store where the browser has Web Locks', async () => {
      const requested: string[] = [];
      vi.stubGlobal('navigator', {
        locks: {
          request: (name: string, work: () => Promise<unknown>) => {
            requested.push(name);
            return work();
          },
        },
      });
      try {
        await expect(webLock('cqrs-lab-read-stock-levels')(() => Promise.resolve(7))).resolves.toBe(
          7,
        );
        expect(requested).toEqual(['cqrs-lab-read-stock-levels']);
      } finally {
        vi.unstubAllGlobals();
      }
      expect(webLock('anything')).toBe(alone); // no Web Locks here (Node): the commit's check alone
    });
  });

  describe('When deliveries are lost, repeated and reordered at random', () => {
    type Order = { lines: { sku: string; quantity: number }[] };
    type Copy = { batch: number; delay: number; tiebreak: number };

    const skus = ['SKU-1', 'SKU-2', 'SKU-3'];
    const orderArb: fc.Arbitrary<Order> = fc.record({
      lines: fc.uniqueArray(
        fc.record({ sku: fc.constantFrom(...skus), quantity: fc.integer({ min: 1, max: 5 }) }),
        { minLength: 1, maxLength: 3, selector: (line) => line.sku },
      ),
    });
    // Batch 0 stocks the shop; batch i > 0 places order i. Every batch is sent 0, 1 or 2 times, each copy
    // arriving `delay` steps after its batch was appended; the last batch arrives at least once.
    const scenarioArb = fc.array(orderArb, { minLength: 1, maxLength: 6 }).chain((orders) => {
      const batches = orders.length + 1;
      const copiesOf = (batch: number) =>
        fc.array(
          fc.record({
            batch: fc.constant(batch),
            delay: fc.integer({ min: 0, max: batches }),
            tiebreak: fc.integer(),
          }),
          { minLength: batch === batches - 1 ? 1 : 0, maxLength: 2 },
        );
      return fc.record({
        orders: fc.constant(orders),
        copies: fc
          .tuple(...Array.from({ length: batches }, (_, batch) => copiesOf(batch)))
          .map((perBatch): Copy[] => perBatch.flat()),
      });
    });

    it('ends with the view a rebuild gives and the checkpoint at the head', async () => {
      await fc.assert(
        fc.asyncProperty(scenarioArb, async ({ orders, copies }) => {
          const stores = freshStores();
          try {
            const { host } = hostOn(stores);
            await host.start();
            const deliveries: EventsDelivery[] = [];
            const arrivingAt = (step: number) =>
              copies
                .filter((copy) => Math.min(copy.batch + copy.delay, orders.length) === step)
                .sort((a, b) => a.tiebreak - b.tiebreak);

            for (let step = 0; step <= orders.length; step += 1) {
              const order = orders[step - 1];
              deliveries.push(
                order
                  ? await placeOrder(stores.eventDb, `ORD-${step}`, order.lines)
                  : await addProducts(stores.eventDb, ...skus),
              );
              for (const copy of arrivingAt(step)) {
                const delivery = deliveries[copy.batch];
                if (delivery) await host.apply(delivery);
                // Whatever has arrived, the stored view is the log folded up to the checkpoint.
                const checkpoint = await expectStoreConsistent(stores);
                expect((await host.query()).asOfPosition).toBe(checkpoint);
              }
            }

            const head = await headPosition(stores.eventDb);
            const answer = await host.query();
            expect(byOrderId(answer.data)).toEqual(await rebuiltUpTo(stores.eventDb));
            expect(answer.asOfPosition).toBe(head);
            expect(await readCheckpoint(stores.readDb)).toBe(head);
          } finally {
            await closeAndDelete(openConnections.splice(0));
          }
        }),
        { numRuns: 100 },
      );
    });
  });
});

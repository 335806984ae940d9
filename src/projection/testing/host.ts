// Shared setup for the projection host tests: fresh in-memory stores, a host on them, and the
// events a write model would append and publish, so each test file sets up the same way.
import Dexie from 'dexie';
import { expect, vi } from 'vitest';
import type { EventsDelivery, QueryAnswer, TraceFrame } from '../../bus/protocol';
import { rebuildView, type Projection } from '../../domain/projection';
import type { OrderLine } from '../../domain/shop/events';
import {
  orderStatusProjection,
  type OrderStatusRow,
} from '../../domain/shop/orderStatus.projection';
import type { DomainEvent } from '../../domain/types';
import { append, EventStoreDb, readAll, type StreamAppend } from '../../eventstore';
import { ReadStoreDb, readAllRows, readCheckpoint, readRows } from '../../readstore/readStoreDb';
import { createProjectionHost, type ProjectionHost } from '../projectionHost';
import type { Exclusive } from '../viewLock';

const PLACED_AT = '2025-03-01T10:00:00.000Z';

export type Stores = { eventDb: EventStoreDb; readDb: ReadStoreDb; readName: string };

const openConnections: (EventStoreDb | ReadStoreDb)[] = [];

/** Remembers a connection so closeAllStores closes it and deletes its database. */
export const track = <D extends EventStoreDb | ReadStoreDb>(db: D): D => {
  openConnections.push(db);
  return db;
};

/** Closes every tracked connection, then deletes their databases; run it after each test. */
export const closeAllStores = async () => {
  const connections = openConnections.splice(0);
  const names = new Set(connections.map((db) => db.name));
  for (const db of connections) db.close();
  for (const name of names) await Dexie.delete(name);
};

export const freshStores = (): Stores => {
  const readName = `test-read-${crypto.randomUUID()}`;
  return {
    eventDb: track(new EventStoreDb(`test-events-${crypto.randomUUID()}`)),
    readDb: track(new ReadStoreDb(readName)),
    readName,
  };
};

/** A host as the projection worker builds it; `trace` records every frame it sends. */
export const hostOn = (
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

/** A host started on fresh stores, caught up on their empty log. */
export const startedHost = async () => {
  const stores = freshStores();
  const hosted = hostOn(stores);
  await hosted.host.start();
  return { stores, ...hosted };
};

/** Counts the events it has applied, so an event applied twice shows at once. */
export const eventCountProjection: Projection<number> = {
  name: 'Event count',
  handles: ['ProductAdded', 'StockReserved', 'OrderPlaced'],
  keysOf: () => ['events'],
  project: (rows) => ({ events: (rows.events ?? 0) + 1 }),
};

export const countingHostOn = ({ eventDb, readDb }: Pick<Stores, 'eventDb' | 'readDb'>) =>
  createProjectionHost({ projection: eventCountProjection, readDb, eventDb, trace: vi.fn() });

export const countedEvents = async (readDb: ReadStoreDb) =>
  (await readRows<number>(readDb, ['events'])).events ?? 0;

let commandCount = 0;
export const appendCommand = async (eventDb: EventStoreDb, streams: StreamAppend[]) => {
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

export const addProducts = async (eventDb: EventStoreDb, ...skus: string[]) =>
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
export const placeOrder = async (
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

export const kindAndCheckpoint = (frame: TraceFrame) => [
  frame.kind,
  'checkpoint' in frame ? frame.checkpoint : undefined,
];

export const byOrderId = (rows: readonly OrderStatusRow[]) =>
  Object.fromEntries(rows.map((row) => [row.orderId, row]));

/** The view as a rebuild from the log would have it, up to and including `upTo`. */
export const rebuiltUpTo = async (eventDb: EventStoreDb, upTo?: number) => {
  const events = await readAll(eventDb, { limit: 10_000 });
  return rebuildView(
    orderStatusProjection,
    events.filter((event) => upTo === undefined || event.position <= upTo),
  );
};

/** Rows and checkpoint in the read store describe the same point in the log. */
export const expectStoreConsistent = async ({
  eventDb,
  readDb,
}: Pick<Stores, 'eventDb' | 'readDb'>) => {
  const checkpoint = await readCheckpoint(readDb);
  const rows = await readAllRows<OrderStatusRow>(readDb);
  expect(Object.fromEntries(rows.map((row) => [row.key, row.value]))).toEqual(
    await rebuiltUpTo(eventDb, checkpoint),
  );
  return checkpoint;
};

/**
 * Every row of the view with how fresh it is, as of the head last delivered (the learner's "all"
 * question, without looking at the log's head as it is now).
 */
export const allRows = async <R = OrderStatusRow>(host: Pick<ProjectionHost, 'ask'>) =>
  (await host.ask({ kind: 'all' }, { checkHead: false })) as QueryAnswer<R[]>;

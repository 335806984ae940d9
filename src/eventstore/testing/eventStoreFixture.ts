// Shared by the event store specs that run against a real (in-memory) IndexedDB: fresh databases,
// command metadata, event builders and a small log to start from.
import { afterEach } from 'vitest';
import type { DomainEvent } from '../../domain/types';
import { append, EventStoreDb, type AppendMeta, type StreamAppend } from '..';
import { appendedBy } from '../commandIndex';

const RECORDED_AT = '2025-03-01T10:00:00.000Z';

/**
 * A database of its own for each test of the calling spec file, deleted after it; `open(name)` again
 * is a second tab on the same database. Call it once, at the top of the file.
 */
export const databasesPerTest = () => {
  const openDbs: EventStoreDb[] = [];
  afterEach(async () => {
    const names = new Set(openDbs.map((db) => db.name));
    for (const db of openDbs.splice(0)) db.close();
    for (const name of names) await new EventStoreDb(name).delete();
  });
  return (name = `test-${crypto.randomUUID()}`): EventStoreDb => {
    const db = new EventStoreDb(name);
    openDbs.push(db);
    return db;
  };
};

let commandCount = 0;
export const meta = (overrides: Partial<AppendMeta> = {}): AppendMeta => {
  commandCount += 1;
  const commandId = `cmd-${commandCount}`;
  return {
    commandId,
    commandType: 'PlaceOrder',
    correlationId: `corr-${commandCount}`,
    causationId: `cause-${commandCount}`,
    recordedAt: RECORDED_AT,
    ...overrides,
  };
};

export const productAdded = (sku: string, stock = 5): DomainEvent => ({
  type: 'ProductAdded',
  data: { sku, name: `Product ${sku}`, price: 10, stock },
});
export const stockReserved = (sku: string, orderId: string, quantity = 1): DomainEvent => ({
  type: 'StockReserved',
  data: { sku, orderId, quantity },
});
export const orderPlaced = (orderId: string): DomainEvent => ({
  type: 'OrderPlaced',
  data: { orderId, lines: [], total: 0, placedAt: RECORDED_AT },
});

export const toStream = (
  streamId: string,
  expectedVersion: StreamAppend['expectedVersion'],
  ...events: DomainEvent[]
): StreamAppend => ({ streamId, expectedVersion, events });

export const positionsOf = (events: readonly { position: number }[]) =>
  events.map((e) => e.position);

/** A log of 5 events: product-A v1..3 (positions 1, 2, 4) and product-B v1..2 (positions 3, 5). */
export const givenTwoProductStreams = async (db: EventStoreDb) => {
  await append(
    db,
    [toStream('product-A', 'no-stream', productAdded('A'), stockReserved('A', 'o1'))],
    meta(),
  );
  await append(db, [toStream('product-B', 'no-stream', productAdded('B'))], meta());
  await append(db, [toStream('product-A', 2, stockReserved('A', 'o2'))], meta());
  await append(db, [toStream('product-B', 1, stockReserved('B', 'o3'))], meta());
};

export const rejectionOf = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject, but it resolved');
};

/** The commands the log holds as appended (the marks on their first events), with their positions. */
export const appendedCommands = async (db: EventStoreDb): Promise<Map<string, number[]>> => {
  const ids = (await db.events.orderBy('command').keys()) as string[];
  const found = await appendedBy(db, ids);
  return new Map([...found].map(([id, events]) => [id, events.map((e) => e.position)]));
};

// The event log against a real (in-memory) IndexedDB: positions, versions, expected versions, races
// between two tabs, all-or-nothing appends and idempotent retries.
import { afterEach, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../domain/types';
import {
  append,
  ConcurrencyError,
  EventStoreDb,
  headPosition,
  readAll,
  readLog,
  readStream,
  streamVersion,
  type AppendMeta,
  type StreamAppend,
} from '.';

const RECORDED_AT = '2025-03-01T10:00:00.000Z';

const openDbs: EventStoreDb[] = [];

/** A database of its own for each test; `open(name)` again is a second tab on the same database. */
const open = (name = `test-${crypto.randomUUID()}`): EventStoreDb => {
  const db = new EventStoreDb(name);
  openDbs.push(db);
  return db;
};

afterEach(async () => {
  const names = new Set(openDbs.map((db) => db.name));
  for (const db of openDbs.splice(0)) db.close();
  for (const name of names) await new EventStoreDb(name).delete();
});

let commandCount = 0;
const meta = (overrides: Partial<AppendMeta> = {}): AppendMeta => {
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

const productAdded = (sku: string, stock = 5): DomainEvent => ({
  type: 'ProductAdded',
  data: { sku, name: `Product ${sku}`, price: 10, stock },
});
const stockReserved = (sku: string, orderId: string, quantity = 1): DomainEvent => ({
  type: 'StockReserved',
  data: { sku, orderId, quantity },
});
const orderPlaced = (orderId: string): DomainEvent => ({
  type: 'OrderPlaced',
  data: { orderId, lines: [], total: 0, placedAt: RECORDED_AT },
});

const toStream = (
  streamId: string,
  expectedVersion: StreamAppend['expectedVersion'],
  ...events: DomainEvent[]
): StreamAppend => ({ streamId, expectedVersion, events });

const positionsOf = (events: readonly { position: number }[]) => events.map((e) => e.position);

/** A log of 5 events: product-A v1..3 (positions 1, 2, 4) and product-B v1..2 (positions 3, 5). */
const givenTwoProductStreams = async (db: EventStoreDb) => {
  await append(
    db,
    [toStream('product-A', 'no-stream', productAdded('A'), stockReserved('A', 'o1'))],
    meta(),
  );
  await append(db, [toStream('product-B', 'no-stream', productAdded('B'))], meta());
  await append(db, [toStream('product-A', 2, stockReserved('A', 'o2'))], meta());
  await append(db, [toStream('product-B', 1, stockReserved('B', 'o3'))], meta());
};

const rejectionOf = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject, but it resolved');
};

describe('Event store', () => {
  describe('When the log is empty', () => {
    it('has head position 0 and every stream is at version 0', async () => {
      const db = open();
      expect(await headPosition(db)).toBe(0);
      expect(await streamVersion(db, 'product-A')).toBe(0);
      expect(await readAll(db)).toEqual([]);
      expect(await readStream(db, 'product-A')).toEqual([]);
    });
  });

  describe('When events are appended to several streams', () => {
    it('numbers their positions 1..n without gaps across appends and streams', async () => {
      const db = open();
      await givenTwoProductStreams(db);

      const all = await readAll(db);
      expect(positionsOf(all)).toEqual([1, 2, 3, 4, 5]);
      expect(all.map((e) => [e.streamId, e.version])).toEqual([
        ['product-A', 1],
        ['product-A', 2],
        ['product-B', 1],
        ['product-A', 3],
        ['product-B', 2],
      ]);
    });

    it('numbers versions from 1 within each stream', async () => {
      const db = open();
      await givenTwoProductStreams(db);

      expect((await readStream(db, 'product-A')).map((e) => e.version)).toEqual([1, 2, 3]);
      expect((await readStream(db, 'product-B')).map((e) => e.version)).toEqual([1, 2]);
      expect(await streamVersion(db, 'product-A')).toBe(3);
      expect(await streamVersion(db, 'product-B')).toBe(2);
    });

    it('reports the last position as the head', async () => {
      const db = open();
      await givenTwoProductStreams(db);
      expect(await headPosition(db)).toBe(5);
    });

    it('returns the stored events with their positions, streams and versions', async () => {
      const db = open();
      await append(db, [toStream('product-A', 'no-stream', productAdded('A'))], meta());

      const result = await append(
        db,
        [
          toStream('order-o1', 'no-stream', orderPlaced('o1')),
          toStream('product-A', 1, stockReserved('A', 'o1')),
        ],
        meta(),
      );

      expect(result.duplicate).toBe(false);
      expect(result.events.map((e) => [e.type, e.streamId, e.version, e.position])).toEqual([
        ['OrderPlaced', 'order-o1', 1, 2],
        ['StockReserved', 'product-A', 2, 3],
      ]);
      expect(await readAll(db, { fromPosition: 2 })).toEqual(result.events);
    });

    it('stores the command id, correlation, causation, time and schema version with each event', async () => {
      const db = open();
      await append(
        db,
        [toStream('product-A', 'no-stream', productAdded('A'), stockReserved('A', 'o1'))],
        meta({
          commandId: 'cmd-meta',
          correlationId: 'corr-meta',
          causationId: 'cause-meta',
          recordedAt: '2025-03-02T08:30:00.000Z',
        }),
      );

      for (const event of await readAll(db)) {
        expect(event.meta).toEqual({
          commandId: 'cmd-meta',
          correlationId: 'corr-meta',
          causationId: 'cause-meta',
          recordedAt: '2025-03-02T08:30:00.000Z',
          schemaVersion: 2,
          commandType: 'PlaceOrder',
        });
      }
      expect(await db.commands.get('cmd-meta')).toMatchObject({
        commandId: 'cmd-meta',
        type: 'PlaceOrder',
        positions: [1, 2],
        recordedAt: '2025-03-02T08:30:00.000Z',
      });
    });

    it('keeps the event data as it was given', async () => {
      const db = open();
      await append(db, [toStream('product-A', 'no-stream', productAdded('A', 7))], meta());
      const [stored] = await readStream(db, 'product-A');
      expect(stored?.type).toBe('ProductAdded');
      expect(stored?.data).toEqual({ sku: 'A', name: 'Product A', price: 10, stock: 7 });
    });
  });

  describe('When reading one stream', () => {
    it('starts at fromVersion and stops at toVersion, both inclusive', async () => {
      const db = open();
      await givenTwoProductStreams(db);

      const versions = async (options: { fromVersion?: number; toVersion?: number }) =>
        (await readStream(db, 'product-A', options)).map((e) => e.version);

      expect(await versions({ fromVersion: 2 })).toEqual([2, 3]);
      expect(await versions({ toVersion: 2 })).toEqual([1, 2]);
      expect(await versions({ fromVersion: 2, toVersion: 2 })).toEqual([2]);
      expect(await versions({ fromVersion: 4 })).toEqual([]);
    });

    it('never returns events of another stream', async () => {
      const db = open();
      await givenTwoProductStreams(db);
      await append(db, [toStream('product-AB', 'no-stream', productAdded('AB'))], meta());

      const streams = (await readStream(db, 'product-A')).map((e) => e.streamId);
      expect(streams).toEqual(['product-A', 'product-A', 'product-A']);
    });
  });

  describe('When reading the whole log', () => {
    it('includes the event at fromPosition', async () => {
      const db = open();
      await givenTwoProductStreams(db);
      expect(positionsOf(await readAll(db, { fromPosition: 3 }))).toEqual([3, 4, 5]);
    });

    it('returns at most limit events, in log order', async () => {
      const db = open();
      await givenTwoProductStreams(db);
      expect(positionsOf(await readAll(db, { fromPosition: 2, limit: 2 }))).toEqual([2, 3]);
      expect(positionsOf(await readAll(db, { limit: 3 }))).toEqual([1, 2, 3]);
    });

    it('reads all of it page by page with readLog, even when the pages divide it exactly', async () => {
      const db = open();
      await givenTwoProductStreams(db);
      expect(positionsOf(await readLog(db, 2))).toEqual([1, 2, 3, 4, 5]);
      expect(positionsOf(await readLog(db, 5))).toEqual([1, 2, 3, 4, 5]);
      expect(await readLog(open())).toEqual([]);
    });

    it('returns nothing from beyond the head', async () => {
      const db = open();
      await givenTwoProductStreams(db);
      expect(await readAll(db, { fromPosition: 6 })).toEqual([]);
    });

    it('can be paged through with head + 1 as the next fromPosition', async () => {
      const db = open();
      await givenTwoProductStreams(db);
      const pages: number[][] = [];
      for (let from = 1; ;) {
        const page = await readAll(db, { fromPosition: from, limit: 2 });
        if (page.length === 0) break;
        pages.push(positionsOf(page));
        from = (page.at(-1)?.position ?? 0) + 1;
      }
      expect(pages).toEqual([[1, 2], [3, 4], [5]]);
    });
  });

  describe('When appending with an expected version', () => {
    it("accepts 'no-stream' for a stream that does not exist yet", async () => {
      const db = open();
      const { events } = await append(
        db,
        [toStream('product-A', 'no-stream', productAdded('A'))],
        meta(),
      );
      expect(events.map((e) => e.version)).toEqual([1]);
    });

    it("refuses 'no-stream' for a stream that already exists", async () => {
      const db = open();
      await append(db, [toStream('product-A', 'no-stream', productAdded('A'))], meta());

      const error = await rejectionOf(
        append(db, [toStream('product-A', 'no-stream', productAdded('A'))], meta()),
      );

      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toMatchObject({ streamId: 'product-A', expected: 'no-stream', actual: 1 });
      expect((error as Error).message).toBe(
        'Stream product-A has changed: expected no stream yet, but it is at version 1',
      );
    });

    it('accepts the version the stream is at', async () => {
      const db = open();
      await givenTwoProductStreams(db);
      const { events } = await append(
        db,
        [toStream('product-A', 3, stockReserved('A', 'o4'))],
        meta(),
      );
      expect(events.map((e) => [e.version, e.position])).toEqual([[4, 6]]);
    });

    it.each([
      { expected: 2, actual: 3 },
      { expected: 4, actual: 3 },
      { expected: 0, actual: 3 },
    ])(
      'refuses version $expected when the stream is at $actual, and writes nothing',
      async ({ expected, actual }) => {
        const db = open();
        await givenTwoProductStreams(db);
        const attempt = meta();

        const error = await rejectionOf(
          append(db, [toStream('product-A', expected, stockReserved('A', 'late'))], attempt),
        );

        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ streamId: 'product-A', expected, actual });
        expect((error as Error).message).toBe(
          `Stream product-A has changed: expected version ${expected}, but it is at version ${actual}`,
        );
        expect(await headPosition(db)).toBe(5);
        expect(await streamVersion(db, 'product-A')).toBe(3);
        expect(await db.commands.get(attempt.commandId)).toBeUndefined();
      },
    );

    it("accepts 'any' whatever version the stream is at, including none", async () => {
      const db = open();
      const first = await append(db, [toStream('product-A', 'any', productAdded('A'))], meta());
      await append(db, [toStream('product-A', 1, stockReserved('A', 'o1'))], meta());
      const later = await append(
        db,
        [toStream('product-A', 'any', stockReserved('A', 'o2'), stockReserved('A', 'o3'))],
        meta(),
      );

      expect(first.events.map((e) => e.version)).toEqual([1]);
      expect(later.events.map((e) => [e.version, e.position])).toEqual([
        [3, 3],
        [4, 4],
      ]);
    });
  });

  describe('When two writers append with the same expected version at the same time', () => {
    const race = async (first: EventStoreDb, second: EventStoreDb) => {
      await append(first, [toStream('product-A', 'no-stream', productAdded('A', 1))], meta());
      const results = await Promise.allSettled([
        append(first, [toStream('product-A', 1, stockReserved('A', 'o1'))], meta()),
        append(second, [toStream('product-A', 1, stockReserved('A', 'o2'))], meta()),
      ]);
      return results;
    };

    const expectExactlyOneWinner = async (
      results: PromiseSettledResult<unknown>[],
      db: EventStoreDb,
    ) => {
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]?.reason).toBeInstanceOf(ConcurrencyError);
      expect(lost[0]?.reason).toMatchObject({ streamId: 'product-A', expected: 1, actual: 2 });

      const stream = await readStream(db, 'product-A');
      expect(stream.map((e) => e.version)).toEqual([1, 2]);
      expect(stream.filter((e) => e.type === 'StockReserved')).toHaveLength(1);
      expect(positionsOf(await readAll(db))).toEqual([1, 2]);
      expect(await db.commands.count()).toBe(2);
    };

    it('lets exactly one win on one connection', async () => {
      const db = open();
      await expectExactlyOneWinner(await race(db, db), db);
    });

    it('lets exactly one win when they are two tabs on the same database', async () => {
      const tab1 = open();
      const tab2 = open(tab1.name);
      const results = await race(tab1, tab2);
      await expectExactlyOneWinner(results, tab1);
      expect(positionsOf(await readAll(tab2))).toEqual([1, 2]);
    });

    it('keeps the log gap-free when many tabs append to different streams at once', async () => {
      const name = `test-${crypto.randomUUID()}`;
      const tabs = [open(name), open(name), open(name)];
      await Promise.all(
        tabs.flatMap((tab, t) =>
          [1, 2, 3].map((n) => {
            const sku = `${t}-${n}`;
            const stream = toStream(
              `product-${sku}`,
              'no-stream',
              productAdded(sku),
              stockReserved(sku, 'o'),
            );
            return append(tab, [stream], meta());
          }),
        ),
      );

      const all = await readAll(open(name));
      expect(positionsOf(all)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
      expect(new Set(all.map((e) => e.streamId)).size).toBe(9);
      expect(all.every((e) => e.version === (e.type === 'ProductAdded' ? 1 : 2))).toBe(true);
    });
  });

  describe('When a command appends to several streams and the second one has moved on', () => {
    it('writes nothing to any stream and records no command', async () => {
      const db = open();
      await givenTwoProductStreams(db);
      const attempt = meta({ commandId: 'cmd-conflict' });

      const error = await rejectionOf(
        append(
          db,
          [
            toStream('order-o7', 'no-stream', orderPlaced('o7')),
            toStream('product-A', 2, stockReserved('A', 'o7')),
          ],
          attempt,
        ),
      );

      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toMatchObject({ streamId: 'product-A', expected: 2, actual: 3 });
      expect(await readStream(db, 'order-o7')).toEqual([]);
      expect(await streamVersion(db, 'product-A')).toBe(3);
      expect(await headPosition(db)).toBe(5);
      expect(await db.commands.get('cmd-conflict')).toBeUndefined();
    });

    it('can be retried with the same command id once it has read the stream again', async () => {
      const db = open();
      await givenTwoProductStreams(db);
      const attempt = meta({ commandId: 'cmd-retry' });
      await rejectionOf(
        append(
          db,
          [
            toStream('order-o7', 'no-stream', orderPlaced('o7')),
            toStream('product-A', 2, stockReserved('A', 'o7')),
          ],
          attempt,
        ),
      );

      const retried = await append(
        db,
        [
          toStream('order-o7', 'no-stream', orderPlaced('o7')),
          toStream('product-A', 3, stockReserved('A', 'o7')),
        ],
        attempt,
      );

      expect(retried.duplicate).toBe(false);
      expect(positionsOf(retried.events)).toEqual([6, 7]);
    });
  });

  describe('When a command id has been appended before', () => {
    it('appends nothing and returns the first events, marked duplicate', async () => {
      const db = open();
      await append(db, [toStream('product-A', 'no-stream', productAdded('A'))], meta());
      const once = meta({ commandId: 'cmd-once' });
      const first = await append(
        db,
        [
          toStream('order-o1', 'no-stream', orderPlaced('o1')),
          toStream('product-A', 1, stockReserved('A', 'o1')),
        ],
        once,
      );

      const again = await append(
        db,
        [
          toStream('order-o1', 'any', orderPlaced('o1')),
          toStream('product-A', 'any', stockReserved('A', 'o1')),
        ],
        { ...once, recordedAt: '2025-03-01T11:00:00.000Z' },
      );

      expect(first.duplicate).toBe(false);
      expect(again.duplicate).toBe(true);
      expect(again.events).toEqual(first.events);
      expect(positionsOf(await readAll(db))).toEqual([1, 2, 3]);
      expect(await db.commands.count()).toBe(2);
    });

    it('does not check expected versions, so a stale retry still gets its first answer', async () => {
      const db = open();
      const once = meta({ commandId: 'cmd-stale' });
      const first = await append(db, [toStream('product-A', 'no-stream', productAdded('A'))], once);
      await append(db, [toStream('product-A', 1, stockReserved('A', 'o1'))], meta());

      const again = await append(db, [toStream('product-A', 'no-stream', productAdded('A'))], once);

      expect(again).toEqual({ events: first.events, duplicate: true });
      expect(await headPosition(db)).toBe(2);
    });

    it('is recognised by another tab on the same database', async () => {
      const tab1 = open();
      const tab2 = open(tab1.name);
      const once = meta({ commandId: 'cmd-two-tabs' });
      const first = await append(
        tab1,
        [toStream('product-A', 'no-stream', productAdded('A'))],
        once,
      );

      const again = await append(
        tab2,
        [toStream('product-A', 'no-stream', productAdded('A'))],
        once,
      );

      expect(again).toEqual({ events: first.events, duplicate: true });
      expect(await headPosition(tab2)).toBe(1);
    });

    it('appends once when the same command is sent twice at the same time from two tabs', async () => {
      const tab1 = open();
      const tab2 = open(tab1.name);
      const once = meta({ commandId: 'cmd-simultaneous' });
      const streams = [toStream('product-A', 'any', productAdded('A'))];

      const [a, b] = await Promise.all([append(tab1, streams, once), append(tab2, streams, once)]);

      expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
      expect(a.events).toEqual(b.events);
      expect(positionsOf(await readAll(tab1))).toEqual([1]);
    });
  });
});

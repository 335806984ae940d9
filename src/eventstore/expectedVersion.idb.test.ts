// Expected versions against a real (in-memory) IndexedDB: a stale append is refused and writes
// nothing, races between writers and tabs have exactly one winner, and a command is all or nothing.
import { describe, expect, it } from 'vitest';
import {
  append,
  ConcurrencyError,
  headPosition,
  readAll,
  readStream,
  streamVersion,
  type EventStoreDb,
} from '.';
import {
  appendedCommands,
  databasesPerTest,
  givenTwoProductStreams,
  meta,
  orderPlaced,
  positionsOf,
  productAdded,
  rejectionOf,
  stockReserved,
  toStream,
} from './testing/eventStoreFixture';

const open = databasesPerTest();

describe('Event store', () => {
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
        expect((await appendedCommands(db)).has(attempt.commandId)).toBe(false);
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
      expect((await appendedCommands(db)).size).toBe(2);
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
      expect((await appendedCommands(db)).has('cmd-conflict')).toBe(false);
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
});

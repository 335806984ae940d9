// Chapter 6's race writers on one real (in-memory) IndexedDB log, each on its own connection as two
// write workers would be: deciding on what each read, they oversell when appends state no version,
// and the append's version check refuses the second, whole, when they do, even when only the price
// moved the stream (a false conflict).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventStoreDb, headPosition, readStream } from '../eventstore';
import { createRaceWriter } from './raceWriter';
import { addProduct, closeAllDbs, shop } from './testing/writeModel';

afterEach(closeAllDbs);

/** A log holding SKU-1 with `stock` left, and two writers on connections of their own. */
const twoWriters = async (stock: number) => {
  const { db, given } = shop();
  await given(addProduct('SKU-1', { stock, price: 12.5 }));
  const told = vi.fn<(head: number) => void>();
  const writer = () =>
    createRaceWriter({
      db: new EventStoreDb(db.name),
      told,
      now: () => '2025-03-01T10:00:00.000Z',
    });
  return { db, told, a: writer(), b: writer() };
};

const typesIn = async (db: EventStoreDb) =>
  (await readStream(db, 'product-SKU-1')).map((event) => event.type);

describe('Race writers', () => {
  describe('When both read the last unit and both sell in the naive store (no version check)', () => {
    it('appends both sales, and the log holds -1 available: a broken invariant', async () => {
      const { db, a, b } = await twoWriters(1);
      expect(await a.read('SKU-1')).toEqual({
        sku: 'SKU-1',
        version: 1,
        available: 1,
        price: 12.5,
      });
      await b.read('SKU-1');
      const first = await a.sell('ORD-A', 'SKU-1', 1, false);
      const second = await b.sell('ORD-B', 'SKU-1', 1, false);
      expect(first).toMatchObject({ status: 'appended', availableAfter: 0 });
      expect(second).toMatchObject({ status: 'appended', availableAfter: -1 });
      expect(await typesIn(db)).toEqual(['ProductAdded', 'StockReserved', 'StockReserved']);
    });
  });

  describe('When both read the last unit and both sell, the version checked on append', () => {
    it('refuses the second as a conflict, naming what moved the stream, and appends nothing for it', async () => {
      const { db, a, b } = await twoWriters(1);
      await a.read('SKU-1');
      await b.read('SKU-1');
      expect(await a.sell('ORD-A', 'SKU-1', 1, true)).toMatchObject({ status: 'appended' });
      const head = await headPosition(db);
      expect(await b.sell('ORD-B', 'SKU-1', 1, true)).toEqual({
        status: 'conflict',
        reason:
          'Stream product-SKU-1 has changed: expected version 1, but it is at version 2. Nothing was appended.',
        movedBy: ['StockReserved'],
      });
      expect(await headPosition(db)).toBe(head);
      expect(await readStream(db, 'order-ORD-B')).toEqual([]);
    });

    it('lets the rules refuse it once the writer has read again', async () => {
      const { a, b } = await twoWriters(1);
      await a.read('SKU-1');
      await b.read('SKU-1');
      await a.sell('ORD-A', 'SKU-1', 1, true);
      expect(await b.read('SKU-1')).toMatchObject({ version: 2, available: 0 });
      expect(await b.sell('ORD-B', 'SKU-1', 1, true)).toEqual({
        status: 'refused',
        reason: 'Not enough stock for SKU-1: 0 available, 1 requested',
      });
    });
  });

  describe('When only a restock happened since a writer read the product', () => {
    it('refuses its sale all the same (a false conflict), with ProductRestocked as what moved it', async () => {
      const { a, b } = await twoWriters(1);
      await a.read('SKU-1');
      await b.read('SKU-1');
      expect(await a.restock('SKU-1', 5, true)).toMatchObject({
        status: 'appended',
        events: [{ type: 'ProductRestocked' }],
        availableAfter: 6,
      });
      expect(await b.sell('ORD-B', 'SKU-1', 1, true)).toMatchObject({
        status: 'conflict',
        movedBy: ['ProductRestocked'],
      });
    });
  });

  describe('When a writer appends', () => {
    it('tells the page the log’s new head, as another tab would', async () => {
      const { db, told, a } = await twoWriters(3);
      await a.read('SKU-1');
      await a.sell('ORD-A', 'SKU-1', 1, true);
      expect(told).toHaveBeenCalledWith(await headPosition(db));
    });

    it('refuses to decide on a product it has not read', async () => {
      const { a } = await twoWriters(3);
      await expect(a.sell('ORD-A', 'SKU-1', 1, true)).rejects.toThrow(
        'Read SKU-1 first: a writer decides on what it has read',
      );
    });
  });
});

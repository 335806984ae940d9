// The two CQRS designs that keep state in place, on real (in-memory) IndexedDB stores: views
// written in the write's own transaction (never behind an acknowledged write, and nothing written
// when the write fails), and an outbox written in that transaction and relayed after the commit
// (one row per event, relayed in order, sent again until acknowledged, feeding a view that ends
// up with the same rows).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StoredEvent } from '../domain/types';
import { projections } from '../domain/views';
import { createProjectionHost } from '../projection/projectionHost';
import { readAllRows, ReadStoreDb } from '../readstore/readStoreDb';
import { createOutboxRelay, outboxSource } from './outbox';
import { stateHead, type StateModelDb } from './stateModelDb';
import { askStateView } from './stateViews';
import {
  acceptedAt,
  addProduct,
  closeAll,
  placeOrder,
  queueAll,
  restock,
  stateModelOn,
  track,
  write,
} from './testing/stateModelFixture';

afterEach(closeAll);

const STOCK = projections['Stock levels'];
const ORDERS = projections['Order status'];

const availableIn = (value: unknown) => (value as { available: number } | null)?.available ?? null;

/** A shop's morning: two products, two orders (one refused) and a restock: events 1–5. */
const morning = () => [
  write(addProduct('SKU-1', 5)),
  write(addProduct('SKU-2', 1)),
  write(placeOrder('ORD-1', 'SKU-1', 2)),
  write(placeOrder('ORD-2', 'SKU-2', 3)),
  write(restock('SKU-2', 4)),
];

describe('CQRS, views in the same transaction', () => {
  const sameTransaction = () => stateModelOn('same-transaction', { views: [STOCK, ORDERS] });

  describe('When a write is acknowledged', () => {
    it('has already written every view it changes, up to the same position', async () => {
      const { db, model } = sameTransaction();
      await model.handle(write(addProduct('SKU-1', 5)));

      const answer = await model.handle(write(placeOrder('ORD-1', 'SKU-1', 2)));

      expect(answer).toEqual(acceptedAt(3));
      const row = await askStateView(db, STOCK.name, { kind: 'key', key: 'SKU-1' });
      expect({ available: availableIn(row.data), asOfPosition: row.asOfPosition }).toEqual({
        available: 3,
        asOfPosition: 3,
      });
      expect(
        (await askStateView(db, ORDERS.name, { kind: 'key', key: 'ORD-1' })).data,
      ).toMatchObject({
        orderId: 'ORD-1',
      });
    });

    it('is never behind: every write read back at once shows in the view', async () => {
      const { db, model } = sameTransaction();
      await model.handle(write(addProduct('SKU-1', 100)));

      for (let i = 1; i <= 10; i += 1) {
        const answer = await model.handle(write(placeOrder(`ORD-${i}`, 'SKU-1', 1)));
        const row = await askStateView(db, STOCK.name, { kind: 'key', key: 'SKU-1' });
        expect(answer).toEqual(acceptedAt(1 + 2 * i));
        expect(availableIn(row.data)).toBe(100 - i);
      }
    });
  });

  describe('When a write is refused', () => {
    it('changes no view row', async () => {
      const { db, model } = sameTransaction();
      await model.handle(write(addProduct('SKU-1', 1)));
      const before = await db.rows.toArray();

      const answer = await model.handle(write(placeOrder('ORD-1', 'SKU-1', 2)));

      expect(answer).toMatchObject({ kind: 'write', ok: false });
      expect(await db.rows.toArray()).toEqual(before);
    });
  });

  describe('When the store fails while writing the views', () => {
    it('fails the write and keeps neither its state nor its rows', async () => {
      const { db, model } = sameTransaction();
      await model.handle(write(addProduct('SKU-1', 5)));
      const before = { state: await db.state.toArray(), rows: await db.rows.toArray() };
      vi.spyOn(db.rows, 'bulkPut').mockImplementationOnce(
        () => Promise.reject(new DOMException('full', 'QuotaExceededError')) as never,
      );

      await expect(model.handle(write(placeOrder('ORD-1', 'SKU-1', 2)))).rejects.toThrow();

      expect({ state: await db.state.toArray(), rows: await db.rows.toArray() }).toEqual(before);
      expect(await stateHead(db)).toBe(1);
    });
  });

  describe('When the views are not asked for', () => {
    it('keeps no rows, and writes no outbox', async () => {
      const { db, model } = stateModelOn('one-model', { views: [STOCK] });

      await queueAll(model, morning());

      expect(await db.rows.count()).toBe(0);
      expect(await db.outbox.count()).toBe(0);
    });
  });
});

describe('CQRS, views updated after commit (outbox)', () => {
  /** A model that records what it was told after each commit, and what the outbox held then. */
  const afterCommit = () => {
    const told: { events: StoredEvent[]; outbox: number[] }[] = [];
    const opened: { db?: StateModelDb } = {};
    const built = stateModelOn('after-commit', {
      committed: (events) => {
        const seen = { events: [...events], outbox: [] as number[] };
        told.push(seen);
        // Read in a transaction of its own: the write's transaction has committed.
        void opened.db?.outbox
          .toCollection()
          .primaryKeys()
          .then((keys) => seen.outbox.push(...keys));
      },
    });
    opened.db = built.db;
    return { ...built, told };
  };

  describe('When writes commit', () => {
    it('writes one outbox row per event, numbered like the events', async () => {
      const { db, model } = afterCommit();

      await model.handle(write(addProduct('SKU-1', 5)));
      await model.handle(write(placeOrder('ORD-1', 'SKU-1', 2)));

      const rows = await db.outbox.toArray();
      expect(rows.map((row) => [row.position, row.event.type, row.event.position])).toEqual([
        [1, 'ProductAdded', 1],
        [2, 'OrderPlaced', 2],
        [3, 'StockReserved', 3],
      ]);
    });

    it('tells of each batch only after it committed, with the outbox rows already there', async () => {
      const { model, told } = afterCommit();

      await model.handle(write(addProduct('SKU-1', 5)));
      await model.handle(write(placeOrder('ORD-1', 'SKU-1', 2)));
      await vi.waitFor(() => expect(told[1]?.outbox).toHaveLength(3));

      expect(told.map((t) => t.events.map((e) => e.position))).toEqual([[1], [2, 3]]);
      expect(told[0]?.outbox).toEqual([1]);
    });
  });

  describe('When a write is refused or fails', () => {
    it('writes no outbox row and tells nothing', async () => {
      const { db, model, told } = afterCommit();
      await model.handle(write(addProduct('SKU-1', 1)));
      vi.spyOn(db.outbox, 'bulkAdd').mockImplementationOnce(
        () => Promise.reject(new DOMException('full', 'QuotaExceededError')) as never,
      );

      await expect(model.handle(write(restock('SKU-1', 1)))).rejects.toThrow();
      const refused = await model.handle(write(placeOrder('ORD-1', 'SKU-1', 2)));

      expect(refused).toMatchObject({ kind: 'write', ok: false });
      expect(await db.outbox.count()).toBe(1);
      expect(told).toHaveLength(1);
      expect(await stateHead(db)).toBe(1);
    });
  });

  describe('When the relay sends the outbox on', () => {
    it('sends every row once, in order, across batches', async () => {
      const { db, model } = afterCommit();
      const sent: number[] = [];
      const relay = createOutboxRelay(db, (events) => sent.push(...events.map((e) => e.position)));

      await queueAll(model, morning());
      await relay.kick();
      await model.handle(write(placeOrder('ORD-3', 'SKU-1', 1)));
      await relay.kick();

      expect(sent).toEqual([1, 2, 3, 4, 5, 6, 7]);
    });

    it('deletes what was acknowledged, and a new relay sends again what was not', async () => {
      const { db, model } = afterCommit();
      const first: number[] = [];
      await queueAll(model, morning());
      const relay = createOutboxRelay(db, (events) => first.push(...events.map((e) => e.position)));
      await relay.kick();

      await relay.acknowledged(3);
      // The relay stops here (its worker is killed) before 4 and 5 are acknowledged.
      const again: number[] = [];
      const next = createOutboxRelay(db, (events) => again.push(...events.map((e) => e.position)));
      await next.kick();

      expect(first).toEqual([1, 2, 3, 4, 5]);
      expect(again).toEqual([4, 5]);
      expect(await next.pending()).toBe(2);
    });
  });

  describe('When a view catches up from the outbox', () => {
    it('reads what is still there, and names the position it can no longer read', async () => {
      const { db, model } = afterCommit();
      await queueAll(model, morning());
      const source = outboxSource(db);

      expect((await source.read(5, 10)).map((e) => e.position)).toEqual([5]);
      expect(await source.read(6, 10)).toEqual([]);
      await createOutboxRelay(db, () => undefined).acknowledged(2);
      await expect(source.read(1, 10)).rejects.toThrow('The outbox no longer holds event #1');
      expect(await source.head()).toBe(5);
    });

    it('ends with the same rows as views written in the same transaction', async () => {
      const { db, model } = afterCommit();
      const readDb = track(new ReadStoreDb(`test-read-${crypto.randomUUID()}`));
      const host = createProjectionHost({
        projection: STOCK,
        readDb,
        source: outboxSource(db),
        trace: () => undefined,
      });
      const relay = createOutboxRelay(db, (events, head) => {
        void host
          .apply({ kind: 'events', events, head })
          .then(({ checkpoint }) => relay.acknowledged(checkpoint));
      });
      const same = stateModelOn('same-transaction', { views: [STOCK] });

      // The relay misses the first two events (sent before the view listened): the view catches
      // up on them from the outbox.
      await model.handle(write(addProduct('SKU-1', 5)));
      await model.handle(write(addProduct('SKU-2', 1)));
      await host.start();
      for (const op of morning().slice(2)) await model.handle(op);
      await relay.kick();
      await queueAll(same.model, morning());

      await vi.waitFor(async () => expect(await relay.pending()).toBe(0));
      const expected = (await same.db.rows.where('view').equals(STOCK.name).toArray()).map(
        ({ key, value }) => ({ key, value }),
      );
      expect(await readAllRows(readDb)).toEqual(expected);
    });
  });
});

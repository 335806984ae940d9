// The single model (the design without CQRS) against a real (in-memory) IndexedDB store: reads and
// writes answered in the order they were queued, the shop's rules still deciding, bad input refused
// without spoiling the rest of a batch, reset, and consecutive writes sharing one transaction.
import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { labDomain, type LabCommand, type LabState } from '../domain/lab';
import { available } from '../domain/shop/shop.state';
import { DomainError } from '../domain/types';
import { SingleModelDb } from './singleModelDb';
import { createSingleModel, type SingleAnswer, type SingleOp } from './singleModel';

const ISSUED_AT = '2025-03-01T09:59:59.000Z';

const openDbs: SingleModelDb[] = [];

const closeAndDelete = async (dbs: readonly SingleModelDb[]) => {
  const names = new Set(dbs.map((db) => db.name));
  for (const db of dbs) db.close();
  for (const name of names) await Dexie.delete(name);
};

afterEach(() => closeAndDelete(openDbs.splice(0)));

/** A single model on a database of its own. */
const single = () => {
  const db = new SingleModelDb(`test-single-${crypto.randomUUID()}`);
  openDbs.push(db);
  return { db, model: createSingleModel(db) };
};

let commandCount = 0;
const meta = () => {
  commandCount += 1;
  return { commandId: `cmd-${commandCount}`, issuedAt: ISSUED_AT };
};

const addProduct = (sku: string, stock: number): LabCommand => ({
  type: 'AddProduct',
  data: { sku, name: `Product ${sku}`, price: 2.5, stock },
  meta: meta(),
});
const placeOrder = (orderId: string, sku: string, quantity: number): LabCommand => ({
  type: 'PlaceOrder',
  data: { orderId, lines: [{ sku, quantity }] },
  meta: meta(),
});
const restock = (sku: string, quantity: number): LabCommand => ({
  type: 'Restock',
  data: { sku, quantity },
  meta: meta(),
});

const write = (command: unknown): SingleOp => ({ kind: 'write', command });
const read = (sku: string): SingleOp => ({ kind: 'read', sku });

/** The stock a read answered with; fails if the answer is not a read's. */
const availableIn = (answer: SingleAnswer | undefined): number | null => {
  if (answer?.kind !== 'read') throw new Error(`Expected a read answer, got ${answer?.kind}`);
  return answer.available;
};

/** Queues every op at once (nothing awaited in between) and waits for all the answers. */
const queueAll = (model: ReturnType<typeof createSingleModel>, ops: readonly SingleOp[]) =>
  Promise.all(ops.map((op) => model.handle(op)));

const accepted = { kind: 'write', ok: true } as const;

describe('Single model', () => {
  describe('When reads and writes are queued together', () => {
    it('answers a read queued behind writes with the stock after those writes', async () => {
      const { model } = single();

      const answers = await queueAll(model, [
        write(addProduct('SKU-1', 10)),
        write(placeOrder('ORD-1', 'SKU-1', 2)),
        write(placeOrder('ORD-2', 'SKU-1', 2)),
        write(placeOrder('ORD-3', 'SKU-1', 2)),
        read('SKU-1'),
      ]);

      expect(answers.slice(0, 4)).toEqual([accepted, accepted, accepted, accepted]);
      expect(availableIn(answers[4])).toBe(4);
    });

    it('answers a read queued before writes with the stock before them', async () => {
      const { model } = single();
      await model.handle(write(addProduct('SKU-1', 10)));

      const answers = await queueAll(model, [
        read('SKU-1'),
        write(placeOrder('ORD-1', 'SKU-1', 2)),
        write(placeOrder('ORD-2', 'SKU-1', 2)),
        write(placeOrder('ORD-3', 'SKU-1', 2)),
        read('SKU-1'),
      ]);

      expect(availableIn(answers[0])).toBe(10);
      expect(availableIn(answers[4])).toBe(4);
    });

    it('keeps the order when reads and writes alternate', async () => {
      const { model } = single();

      const answers = await queueAll(model, [
        read('SKU-1'),
        write(addProduct('SKU-1', 5)),
        read('SKU-1'),
        write(placeOrder('ORD-1', 'SKU-1', 1)),
        read('SKU-1'),
        write(restock('SKU-1', 3)),
        read('SKU-1'),
      ]);

      expect([0, 2, 4, 6].map((i) => availableIn(answers[i]))).toEqual([null, 5, 4, 7]);
    });
  });

  describe('When the shop says no', () => {
    it('refuses an order for more than is available, naming the SKU, and stores nothing for it', async () => {
      const { db, model } = single();
      await model.handle(write(addProduct('SKU-1', 2)));

      const [answer, after] = await queueAll(model, [
        write(placeOrder('ORD-1', 'SKU-1', 3)),
        read('SKU-1'),
      ]);

      expect(answer).toEqual({
        kind: 'write',
        ok: false,
        reason: expect.stringContaining('SKU-1') as string,
      });
      expect(availableIn(after)).toBe(2);
      const row = await db.state.get('product-SKU-1');
      expect((row?.state as LabState).shop.products['SKU-1']).toMatchObject({
        onHand: 2,
        reserved: 0,
      });
      expect(await db.state.get('order-ORD-1')).toBeUndefined();
    });

    it('refuses an order for an unknown SKU', async () => {
      const { db, model } = single();
      await model.handle(write(addProduct('SKU-1', 2)));

      const answer = await model.handle(write(placeOrder('ORD-1', 'SKU-9', 1)));

      expect(answer).toEqual({
        kind: 'write',
        ok: false,
        reason: 'There is no product with SKU SKU-9',
      });
      expect(await db.state.get('order-ORD-1')).toBeUndefined();
      expect(await db.state.get('product-SKU-9')).toBeUndefined();
    });

    it('decides each write against the ones before it in the same batch', async () => {
      const { model } = single();
      await model.handle(write(addProduct('SKU-1', 3)));

      // The read ahead keeps the queue busy, so the three orders wait and go in one batch.
      const answers = await queueAll(model, [
        read('SKU-1'),
        write(placeOrder('ORD-1', 'SKU-1', 2)),
        write(placeOrder('ORD-2', 'SKU-1', 2)),
        write(placeOrder('ORD-3', 'SKU-1', 1)),
        read('SKU-1'),
      ]);

      expect(answers).toEqual([
        { kind: 'read', available: 3 },
        accepted,
        {
          kind: 'write',
          ok: false,
          reason: 'Not enough stock for SKU-1: 1 available, 2 requested',
        },
        accepted,
        { kind: 'read', available: 0 },
      ]);
    });
  });

  describe('When a command is not valid', () => {
    it('refuses it with a reason, and the other writes of the batch still go through', async () => {
      const { model } = single();
      await model.handle(write(addProduct('SKU-1', 5)));
      const withoutMeta = {
        type: 'PlaceOrder',
        data: { orderId: 'ORD-2', lines: [{ sku: 'SKU-1', quantity: 1 }] },
      };

      const answers = await queueAll(model, [
        write(placeOrder('ORD-1', 'SKU-1', -1)),
        write(placeOrder('ORD-3', 'SKU-1', 2)),
        write(withoutMeta),
        write(null),
        write(restock('SKU-1', 1)),
        read('SKU-1'),
      ]);

      expect(answers[0]).toEqual({
        kind: 'write',
        ok: false,
        reason: expect.stringContaining('Quantity must be at least 1') as string,
      });
      const refusedWithAReason = {
        kind: 'write',
        ok: false,
        reason: expect.stringMatching(/\S/) as string,
      };
      expect(answers[2]).toEqual(refusedWithAReason);
      expect(answers[3]).toEqual(refusedWithAReason);
      expect([answers[1], answers[4]]).toEqual([accepted, accepted]);
      expect(availableIn(answers[5])).toBe(4);
    });
  });

  describe('When a SKU is unknown', () => {
    it('answers a read of it with available null', async () => {
      const { model } = single();
      await model.handle(write(addProduct('SKU-1', 5)));

      expect(await model.handle(read('SKU-404'))).toEqual({ kind: 'read', available: null });
    });
  });

  describe('When reset', () => {
    it('forgets every stored state', async () => {
      const { db, model } = single();
      await queueAll(model, [
        write(addProduct('SKU-1', 5)),
        write(addProduct('SKU-2', 5)),
        write(placeOrder('ORD-1', 'SKU-1', 1)),
      ]);
      expect(await db.state.count()).toBe(3);

      await model.reset();

      expect(await db.state.count()).toBe(0);
      expect(await model.handle(read('SKU-1'))).toEqual({ kind: 'read', available: null });
      // The same SKU can be added again: nothing remembers the first one.
      expect(await model.handle(write(addProduct('SKU-1', 7)))).toEqual(accepted);
      expect(availableIn(await model.handle(read('SKU-1')))).toBe(7);
    });
  });

  describe('When many writes are queued at once', () => {
    it('writes consecutive ones in one transaction, not one per write', async () => {
      const { db, model } = single();
      const transaction = vi.spyOn(db, 'transaction');

      const answers = await queueAll(
        model,
        Array.from({ length: 50 }, (_, i) => write(addProduct(`SKU-${i}`, 1))),
      );

      expect(answers.every((a) => a.kind === 'write' && a.ok)).toBe(true);
      expect(await db.state.count()).toBe(50);
      // The first write starts a transaction alone; the others queue behind it and go together.
      expect(transaction.mock.calls.length).toBeGreaterThanOrEqual(1);
      expect(transaction.mock.calls.length).toBeLessThanOrEqual(3);
    });
  });

  describe('When the store fails a write', () => {
    it('fails every write of that batch, stores none of it, and serves the queue after', async () => {
      const { db, model } = single();
      await model.handle(write(addProduct('SKU-1', 5)));
      vi.spyOn(db.state, 'bulkPut').mockImplementationOnce(
        () => Promise.reject(new DOMException('full', 'QuotaExceededError')) as never,
      );

      // The read ahead keeps the queue busy, so the two writes wait and go in one batch.
      const outcomes = await Promise.allSettled([
        model.handle(read('SKU-1')),
        model.handle(write(placeOrder('ORD-1', 'SKU-1', 1))),
        model.handle(write(addProduct('SKU-2', 1))),
      ]);
      const after = await queueAll(model, [
        read('SKU-1'),
        read('SKU-2'),
        write(placeOrder('ORD-1', 'SKU-1', 1)),
        read('SKU-1'),
      ]);

      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
      expect(after).toEqual([
        { kind: 'read', available: 5 },
        { kind: 'read', available: null },
        accepted,
        { kind: 'read', available: 4 },
      ]);
    });
  });

  describe('For any sequence of orders, restocks and reads on two SKUs', () => {
    type Step =
      | { kind: 'order'; sku: string; quantity: number }
      | { kind: 'restock'; sku: string; quantity: number }
      | { kind: 'read'; sku: string };
    const sku = fc.constantFrom('SKU-A', 'SKU-B');
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({
        kind: fc.constant('order' as const),
        sku,
        quantity: fc.integer({ min: 1, max: 3 }),
      }),
      fc.record({
        kind: fc.constant('restock' as const),
        sku,
        quantity: fc.integer({ min: 1, max: 5 }),
      }),
      fc.record({ kind: fc.constant('read' as const), sku }),
    );

    /** What the shop's rules say, folded over the writes in order; refused ones change nothing. */
    const expected = (commands: readonly (LabCommand | string)[]) => {
      let state = labDomain.initialState();
      return commands.map((command) => {
        if (typeof command === 'string') {
          const product = state.shop.products[command];
          return { kind: 'read', available: product ? available(product) : null };
        }
        try {
          for (const event of labDomain.decide(command, state))
            state = labDomain.evolve(state, event);
          return accepted;
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          return { kind: 'write', ok: false, reason: error.message };
        }
      });
    };

    it('answers every read with the stock the writes before it leave', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: 4 }),
          fc.integer({ min: 0, max: 4 }),
          fc.array(step, { minLength: 1, maxLength: 40 }),
          async (stockA, stockB, steps) => {
            const db = new SingleModelDb(`test-single-${crypto.randomUUID()}`);
            try {
              const model = createSingleModel(db);
              const commands: (LabCommand | string)[] = [
                addProduct('SKU-A', stockA),
                addProduct('SKU-B', stockB),
                ...steps.map((s, i) =>
                  s.kind === 'read'
                    ? s.sku
                    : s.kind === 'order'
                      ? placeOrder(`ORD-${i}`, s.sku, s.quantity)
                      : restock(s.sku, s.quantity),
                ),
              ];

              const answers = await queueAll(
                model,
                commands.map((c) => (typeof c === 'string' ? read(c) : write(c))),
              );

              expect(answers).toEqual(expected(commands));
            } finally {
              await closeAndDelete([db]);
            }
          },
        ),
        { numRuns: 30 },
      );
    });
  });
});

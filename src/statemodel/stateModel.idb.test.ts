// The one-model design (no CQRS) against a real (in-memory) IndexedDB store: reads and writes
// answered in the order they were queued, the shop's rules still deciding, every answer carrying
// the position it is up to date with, bad input refused without spoiling the rest of a batch,
// reset, and consecutive writes sharing one transaction.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { labDomain, type LabCommand, type LabState } from '../domain/lab';
import { available } from '../domain/shop/shop.state';
import { DomainError } from '../domain/types';
import { createStateModel } from './stateModel';
import { StateModelDb } from './stateModelDb';
import {
  acceptedAt,
  addProduct,
  availableIn,
  closeAll,
  placeOrder,
  queueAll,
  read,
  restock,
  stateModelOn,
  stock,
  track,
  write,
} from './testing/stateModelFixture';

afterEach(closeAll);

const oneModel = () => stateModelOn('one-model');

describe('One model', () => {
  describe('When reads and writes are queued together', () => {
    it('answers a read queued behind writes with the stock after those writes', async () => {
      const { model } = oneModel();

      const answers = await queueAll(model, [
        write(addProduct('SKU-1', 10)),
        write(placeOrder('ORD-1', 'SKU-1', 2)),
        write(placeOrder('ORD-2', 'SKU-1', 2)),
        write(placeOrder('ORD-3', 'SKU-1', 2)),
        read('SKU-1'),
      ]);

      // ProductAdded at 1; each order an OrderPlaced and a StockReserved.
      expect(answers).toEqual([
        acceptedAt(1),
        acceptedAt(3),
        acceptedAt(5),
        acceptedAt(7),
        stock(4, 7),
      ]);
    });

    it('answers a read queued before writes with the stock before them', async () => {
      const { model } = oneModel();
      await model.handle(write(addProduct('SKU-1', 10)));

      const answers = await queueAll(model, [
        read('SKU-1'),
        write(placeOrder('ORD-1', 'SKU-1', 2)),
        write(placeOrder('ORD-2', 'SKU-1', 2)),
        write(placeOrder('ORD-3', 'SKU-1', 2)),
        read('SKU-1'),
      ]);

      expect(answers[0]).toEqual(stock(10, 1));
      expect(answers[4]).toEqual(stock(4, 7));
    });

    it('keeps the order when reads and writes alternate', async () => {
      const { model } = oneModel();

      const answers = await queueAll(model, [
        read('SKU-1'),
        write(addProduct('SKU-1', 5)),
        read('SKU-1'),
        write(placeOrder('ORD-1', 'SKU-1', 1)),
        read('SKU-1'),
        write(restock('SKU-1', 3)),
        read('SKU-1'),
      ]);

      expect([0, 2, 4, 6].map((i) => answers[i])).toEqual([
        stock(null, 0),
        stock(5, 1),
        stock(4, 3),
        stock(7, 4),
      ]);
    });
  });

  describe('When the shop says no', () => {
    it('refuses an order for more than is available, naming the SKU, and stores nothing for it', async () => {
      const { db, model } = oneModel();
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
      expect(after).toEqual(stock(2, 1));
      const row = await db.state.get('product-SKU-1');
      expect((row?.state as LabState).shop.products['SKU-1']).toMatchObject({
        onHand: 2,
        reserved: 0,
      });
      expect(await db.state.get('order-ORD-1')).toBeUndefined();
    });

    it('refuses an order for an unknown SKU', async () => {
      const { db, model } = oneModel();
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
      const { model } = oneModel();
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
        stock(3, 1),
        acceptedAt(3),
        {
          kind: 'write',
          ok: false,
          reason: 'Not enough stock for SKU-1: 1 available, 2 requested',
        },
        acceptedAt(5),
        stock(0, 5),
      ]);
    });
  });

  describe('When a command is not valid', () => {
    it('refuses it with a reason, and the other writes of the batch still go through', async () => {
      const { model } = oneModel();
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
      expect([answers[1], answers[4]]).toEqual([acceptedAt(3), acceptedAt(4)]);
      expect(availableIn(answers[5])).toBe(4);
    });
  });

  describe('When a SKU is unknown', () => {
    it('answers a read of it with available null', async () => {
      const { model } = oneModel();
      await model.handle(write(addProduct('SKU-1', 5)));

      expect(await model.handle(read('SKU-404'))).toEqual(stock(null, 1));
    });
  });

  describe('When reset', () => {
    it('forgets every stored state and starts numbering again', async () => {
      const { db, model } = oneModel();
      await queueAll(model, [
        write(addProduct('SKU-1', 5)),
        write(addProduct('SKU-2', 5)),
        write(placeOrder('ORD-1', 'SKU-1', 1)),
      ]);
      expect(await db.state.count()).toBe(3);

      await model.reset();

      expect(await db.state.count()).toBe(0);
      expect(await model.handle(read('SKU-1'))).toEqual(stock(null, 0));
      // The same SKU can be added again: nothing remembers the first one.
      expect(await model.handle(write(addProduct('SKU-1', 7)))).toEqual(acceptedAt(1));
      expect(availableIn(await model.handle(read('SKU-1')))).toBe(7);
    });
  });

  describe('When many writes are queued at once', () => {
    it('writes consecutive ones in one transaction, not one per write', async () => {
      const { db, model } = oneModel();
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
      const { db, model } = oneModel();
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
      // The failed batch took no positions: the order that follows takes 2 and 3.
      expect(after).toEqual([stock(5, 1), stock(null, 1), acceptedAt(3), stock(4, 3)]);
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
      let head = 0;
      return commands.map((command) => {
        if (typeof command === 'string') {
          const product = state.shop.products[command];
          return stock(product ? available(product) : null, head);
        }
        try {
          for (const event of labDomain.decide(command, state)) {
            state = labDomain.evolve(state, event);
            head += 1;
          }
          return acceptedAt(head);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          return { kind: 'write', ok: false, reason: error.message };
        }
      });
    };

    it('answers every read with the stock and position the writes before it leave', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: 4 }),
          fc.integer({ min: 0, max: 4 }),
          fc.array(step, { minLength: 1, maxLength: 40 }),
          async (stockA, stockB, steps) => {
            const db = track(new StateModelDb(`test-state-${crypto.randomUUID()}`));
            const model = createStateModel({ db, mode: 'one-model' });
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
            await closeAll();
          },
        ),
        { numRuns: 30 },
      );
    });
  });
});

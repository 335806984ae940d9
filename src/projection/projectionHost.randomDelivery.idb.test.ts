// The Order status projection host under random delivery faults (lost, repeated, reordered): it
// always ends equal to a rebuild from the log, with its checkpoint at the head.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventsDelivery } from '../bus/protocol';
import { headPosition } from '../eventstore';
import { readCheckpoint } from '../readstore/readStoreDb';
import {
  addProducts,
  allRows,
  byOrderId,
  closeAllStores,
  expectStoreConsistent,
  freshStores,
  hostOn,
  placeOrder,
  rebuiltUpTo,
} from './testing/host';

afterEach(closeAllStores);

describe('Projection host (Order status)', () => {
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
                expect((await allRows(host)).asOfPosition).toBe(checkpoint);
              }
            }

            const head = await headPosition(stores.eventDb);
            const answer = await allRows(host);
            expect(byOrderId(answer.data)).toEqual(await rebuiltUpTo(stores.eventDb));
            expect(answer.asOfPosition).toBe(head);
            expect(await readCheckpoint(stores.readDb)).toBe(head);
          } finally {
            await closeAllStores();
          }
        }),
        { numRuns: 100 },
      );
    });
  });
});

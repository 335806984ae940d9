// Two tabs' write models on one log: a tab whose assumed head was taken reads the log again, and
// two tabs selling the last unit end with one order accepted and a gap-free log.
import { afterEach, describe, expect, it } from 'vitest';
import type { ShopEvent } from '../domain/shop/events';
import type { StoredEvent } from '../domain/types';
import { readAll, readStream } from '../eventstore';
import { addProduct, closeAllDbs, expectAccepted, placeOrder, shop } from './testing/writeModel';

afterEach(closeAllDbs);

describe('Write model (shop)', () => {
  describe('When another tab appends after this one wrote last', () => {
    it('finds its assumed head taken, reads the log again and appends after the other tab', async () => {
      const name = `test-${crypto.randomUUID()}`;
      const tabA = shop(name);
      const tabB = shop(name);
      await tabA.given(addProduct('SKU-1', { stock: 5 })); // A wrote last: it trusts head #1
      await tabB.given(addProduct('SKU-2', { stock: 5 })); // B appends #2 behind A's back
      const order = expectAccepted(
        await tabA.dispatch(placeOrder('ORD-1', [{ sku: 'SKU-2', quantity: 5 }])),
      );
      // A decided on SKU-2's real stock, which it only knows from reading B's event.
      expect(order.events.map((e) => [e.position, e.type])).toEqual([
        [3, 'OrderPlaced'],
        [4, 'StockReserved'],
      ]);
      const refused = await tabA.dispatch(placeOrder('ORD-2', [{ sku: 'SKU-2', quantity: 1 }]));
      expect(refused.status).toBe('rejected');
      expect((await readAll(tabA.db)).map((e) => e.position)).toEqual([1, 2, 3, 4]);
    });
  });

  describe('When two tabs sell the last unit of a product at the same time', () => {
    // Both tabs are open before the orders arrive, as two real tabs would be.
    const raceForLastUnit = async () => {
      const tab1 = shop();
      const tab2 = shop(tab1.db.name);
      await tab1.given(
        addProduct('SKU-1', { stock: 3 }),
        placeOrder('ORD-0', [{ sku: 'SKU-1', quantity: 2 }]),
      );
      await tab2.db.open();

      const results = await Promise.allSettled([
        tab1.dispatch(placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 1 }])),
        tab2.dispatch(placeOrder('ORD-2', [{ sku: 'SKU-1', quantity: 1 }])),
      ]);
      const outcomes = results.map((result) => {
        if (result.status === 'rejected') throw result.reason;
        return result.value;
      });
      return { tab1, tab2, outcomes };
    };

    it('accepts exactly one order and rejects the other for lack of stock', async () => {
      const { outcomes } = await raceForLastUnit();

      const accepted = outcomes.filter((o) => o.status === 'accepted');
      const rejected = outcomes.filter((o) => o.status === 'rejected');
      expect(accepted).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      expect(rejected[0]?.reason).toMatch(/^Not enough stock for SKU-1: 0 available, 1 requested/);
    });

    it('reserves the last unit once: the product stream holds exactly one new StockReserved', async () => {
      const { tab1, outcomes } = await raceForLastUnit();

      const stream = await readStream(tab1.db, 'product-SKU-1');
      const reservations = stream.filter(
        (e): e is StoredEvent<ShopEvent> & { type: 'StockReserved' } => e.type === 'StockReserved',
      );
      expect(reservations.map((e) => e.data)).toEqual([
        { sku: 'SKU-1', orderId: 'ORD-0', quantity: 2 },
        {
          sku: 'SKU-1',
          orderId: outcomes[0]?.status === 'accepted' ? 'ORD-1' : 'ORD-2',
          quantity: 1,
        },
      ]);
      expect(stream.map((e) => e.version)).toEqual([1, 2, 3]);
    });

    it('leaves a gap-free log with only the winner’s order in it', async () => {
      const { tab2, outcomes } = await raceForLastUnit();

      const all = await readAll(tab2.db);
      expect(all.map((e) => e.position)).toEqual([1, 2, 3, 4, 5]);
      const orderStreams = all.filter((e) => e.type === 'OrderPlaced').map((e) => e.streamId);
      const winner = outcomes[0]?.status === 'accepted' ? 'ORD-1' : 'ORD-2';
      expect(orderStreams).toEqual(['order-ORD-0', `order-${winner}`]);
    });

    it('publishes only the winner’s events, from the winner’s tab', async () => {
      const { tab1, tab2, outcomes } = await raceForLastUnit();

      const winnerTab = outcomes[0]?.status === 'accepted' ? tab1 : tab2;
      const loserTab = winnerTab === tab1 ? tab2 : tab1;
      expect(winnerTab.publish).toHaveBeenCalledTimes(1);
      expect(winnerTab.publish.mock.calls[0]?.[0].head).toBe(5);
      expect(loserTab.publish).not.toHaveBeenCalled();
    });
  });
});

// A write model whose log was rewritten by another tab (Reset, Step back) or holds a row the code
// cannot read: it never decides on what it folded before the rewrite, nor on the unreadable row.
import { afterEach, describe, expect, it } from 'vitest';
import { readAll, readStream } from '../eventstore';
import { addProduct, closeAllDbs, expectAccepted, placeOrder, shop } from './testing/writeModel';

afterEach(closeAllDbs);

describe('Write model (shop)', () => {
  describe('When another tab resets the log under it', () => {
    it('decides the next command on the reset log: an order for a product that went with it is refused, and nothing is appended', async () => {
      const tabA = shop();
      const tabB = shop(tabA.db.name);
      await tabA.given(addProduct('SKU-1', { stock: 5 }));
      await tabB.given(placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 1 }])); // B folded #1–#3
      await tabA.model.reset();

      const outcome = await tabB.dispatch(placeOrder('ORD-2', [{ sku: 'SKU-1', quantity: 1 }]));

      expect(outcome.status).toBe('rejected');
      expect(await readAll(tabB.db)).toEqual([]);
    });

    it('starts a stream again at version 1, not after the versions it knew before the reset', async () => {
      const tabA = shop();
      const tabB = shop(tabA.db.name);
      await tabB.given(
        addProduct('SKU-1', { stock: 5 }),
        placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 1 }]),
      );
      await tabA.model.reset();

      await tabB.given(addProduct('SKU-1', { stock: 7 }));

      const stream = await readStream(tabB.db, 'product-SKU-1');
      expect(stream.map((e) => [e.position, e.version, e.type])).toEqual([[1, 1, 'ProductAdded']]);
    });
  });

  describe('When another tab steps back the command it last folded', () => {
    it('decides on the log without it: the stock that order reserved is there again', async () => {
      const tabA = shop();
      const tabB = shop(tabA.db.name);
      await tabA.given(addProduct('SKU-1', { stock: 2 }));
      const order = expectAccepted(
        await tabB.dispatch(placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 2 }], 'cmd-order-1')),
      );
      expect(order.events).toHaveLength(2);
      await tabA.model.undo(['cmd-order-1']);

      const again = expectAccepted(
        await tabB.dispatch(placeOrder('ORD-2', [{ sku: 'SKU-1', quantity: 2 }])),
      );

      expect(again.events.map((e) => [e.position, e.streamId, e.version])).toEqual([
        [2, 'order-ORD-2', 1],
        [3, 'product-SKU-1', 2],
      ]);
    });
  });

  describe('When the log holds a row the code cannot read', () => {
    it('decides without it and appends after it, past the stream version the row holds', async () => {
      const tab = shop();
      await tab.given(addProduct('SKU-1', { stock: 5 }));
      // As a crashed tab or an extension could leave it: in SKU-1's stream, no metadata.
      await tab.db.events.add({
        position: 2,
        streamId: 'product-SKU-1',
        version: 2,
        type: 'StockReserved',
        data: { sku: 'SKU-1', orderId: 'ORD-X', quantity: 5 },
        meta: null as never,
      });
      const fresh = shop(tab.db.name); // a tab opened after the row was written

      const order = expectAccepted(
        await fresh.dispatch(placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 5 }])),
      );

      // The row's reservation of all 5 was not folded: all 5 were still available.
      expect(order.events.map((e) => [e.position, e.streamId, e.version, e.type])).toEqual([
        [3, 'order-ORD-1', 1, 'OrderPlaced'],
        [4, 'product-SKU-1', 3, 'StockReserved'],
      ]);
    });
  });
});

// The write model accepting commands with the real shop rules: the events it stores on each stream
// and the one delivery it publishes per command.
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../domain/types';
import { readAll, readStream } from '../eventstore';
import {
  addProduct,
  closeAllDbs,
  expectAccepted,
  ISSUED_AT,
  NOW,
  placeOrder,
  shop,
} from './testing/writeModel';

const summary = (events: readonly StoredEvent[]) =>
  events.map((e) => ({
    type: e.type,
    streamId: e.streamId,
    version: e.version,
    position: e.position,
  }));

afterEach(closeAllDbs);

describe('Write model (shop)', () => {
  describe('When a new product is added', () => {
    it('stores ProductAdded on the product stream and returns it', async () => {
      const { db, dispatch } = shop();

      const outcome = await dispatch(addProduct('SKU-1', { stock: 3, price: 4.99 }, 'cmd-add'));

      expect(outcome).toEqual({
        status: 'accepted',
        commandId: 'cmd-add',
        duplicate: false,
        events: [
          {
            type: 'ProductAdded',
            data: { sku: 'SKU-1', name: 'Product SKU-1', price: 4.99, stock: 3 },
            position: 1,
            streamId: 'product-SKU-1',
            version: 1,
            meta: {
              commandId: 'cmd-add',
              correlationId: 'cmd-add',
              causationId: 'cmd-add',
              recordedAt: NOW,
              schemaVersion: 2,
              commandType: 'AddProduct',
            },
          },
        ],
      });
      expect(await readAll(db)).toEqual(expectAccepted(outcome).events);
    });

    it('publishes one delivery, with the new head', async () => {
      const { dispatch, publish, given } = shop();
      await given(addProduct('SKU-0'));

      const { events } = expectAccepted(await dispatch(addProduct('SKU-1')));

      expect(publish).toHaveBeenCalledTimes(1);
      expect(publish).toHaveBeenCalledWith({ kind: 'events', events, head: 2 });
    });

    it('stores the trimmed SKU and name, as the schema cleaned them', async () => {
      const { dispatch } = shop();
      const outcome = await dispatch(addProduct('  SKU-1 ', { name: '  Mug  ' }));
      const [event] = expectAccepted(outcome).events;
      expect(event?.streamId).toBe('product-SKU-1');
      expect(event?.data).toMatchObject({ sku: 'SKU-1', name: 'Mug' });
    });
  });

  describe('When an order is placed for products in stock', () => {
    it('appends OrderPlaced to the order stream, then StockReserved to each product stream', async () => {
      const { dispatch, given } = shop();
      await given(addProduct('SKU-1', { price: 2.5 }), addProduct('SKU-2', { price: 0.1 }));

      const outcome = await dispatch(
        placeOrder('ORD-1', [
          { sku: 'SKU-1', quantity: 2 },
          { sku: 'SKU-2', quantity: 3 },
        ]),
      );

      const { events } = expectAccepted(outcome);
      expect(summary(events)).toEqual([
        { type: 'OrderPlaced', streamId: 'order-ORD-1', version: 1, position: 3 },
        { type: 'StockReserved', streamId: 'product-SKU-1', version: 2, position: 4 },
        { type: 'StockReserved', streamId: 'product-SKU-2', version: 2, position: 5 },
      ]);
      expect(events[0]?.data).toEqual({
        orderId: 'ORD-1',
        lines: [
          { sku: 'SKU-1', name: 'Product SKU-1', quantity: 2, unitPrice: 2.5 },
          { sku: 'SKU-2', name: 'Product SKU-2', quantity: 3, unitPrice: 0.1 },
        ],
        total: 5.3,
        placedAt: ISSUED_AT,
      });
      expect(events.slice(1).map((e) => e.data)).toEqual([
        { sku: 'SKU-1', orderId: 'ORD-1', quantity: 2 },
        { sku: 'SKU-2', orderId: 'ORD-1', quantity: 3 },
      ]);
    });

    it('publishes the whole command as one batch', async () => {
      const { dispatch, publish, given } = shop();
      await given(addProduct('SKU-1'));

      const { events } = expectAccepted(
        await dispatch(placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 1 }])),
      );

      expect(events).toHaveLength(2);
      expect(publish.mock.calls).toEqual([[{ kind: 'events', events, head: 3 }]]);
    });

    it('counts earlier reservations against the stock', async () => {
      const { db, dispatch, given } = shop();
      await given(
        addProduct('SKU-1', { stock: 5 }),
        placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 3 }]),
      );

      const outcome = await dispatch(placeOrder('ORD-2', [{ sku: 'SKU-1', quantity: 3 }]));

      expect(outcome).toMatchObject({
        status: 'rejected',
        reason: 'Not enough stock for SKU-1: 2 available, 3 requested',
      });
      expect(
        expectAccepted(await dispatch(placeOrder('ORD-3', [{ sku: 'SKU-1', quantity: 2 }]))),
      ).toBeTruthy();
      expect((await readStream(db, 'product-SKU-1')).map((e) => e.type)).toEqual([
        'ProductAdded',
        'StockReserved',
        'StockReserved',
      ]);
    });
  });
});

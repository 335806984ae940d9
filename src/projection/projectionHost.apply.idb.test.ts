// The Order status projection host applying a delivery that follows its checkpoint: the rows it
// changes, the checkpoint it moves to, and the head it reports.
import { afterEach, describe, expect, it } from 'vitest';
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
  startedHost,
} from './testing/host';

afterEach(closeAllStores);

describe('Projection host (Order status)', () => {
  describe('When a delivered batch follows the checkpoint', () => {
    it('applies it and reports the changed rows with the new checkpoint', async () => {
      const stores = freshStores();
      const { host, frames } = hostOn(stores);
      await addProducts(stores.eventDb, 'SKU-1');
      await host.start();
      const delivery = await placeOrder(stores.eventDb, 'ORD-1', [{ sku: 'SKU-1', quantity: 3 }]);

      await host.apply(delivery);

      const { 'ORD-1': row } = await rebuiltUpTo(stores.eventDb);
      expect(row).toMatchObject({ total: 6, builtFrom: [2] });
      expect(frames().at(-1)).toEqual({
        kind: 'view-changed',
        view: 'Order status',
        changes: [{ key: 'ORD-1', value: row }],
        checkpoint: 3,
        head: 3,
        at: expect.any(Number) as number,
      });
      expect(await expectStoreConsistent(stores)).toBe(3);
      expect((await allRows(host)).asOfPosition).toBe(3);
    });

    it('moves the checkpoint past events the view does not handle, changing no rows', async () => {
      const { stores, host, frames } = await startedHost();

      await host.apply(await addProducts(stores.eventDb, 'SKU-1', 'SKU-2'));

      expect(frames().at(-1)).toMatchObject({ kind: 'view-changed', changes: [], checkpoint: 2 });
      expect(await expectStoreConsistent(stores)).toBe(2);
      expect((await allRows(host)).data).toEqual([]);
    });

    it('applies deliveries in turn even when they are sent without waiting', async () => {
      const { stores, host } = await startedHost();
      const first = await placeOrder(stores.eventDb, 'ORD-1');
      const second = await placeOrder(stores.eventDb, 'ORD-2');

      await Promise.all([host.apply(first), host.apply(second)]);

      expect(await expectStoreConsistent(stores)).toBe(4);
      expect(byOrderId((await allRows(host)).data)).toEqual(await rebuiltUpTo(stores.eventDb));
    });

    it('reports a head ahead of its checkpoint when the delivery says the log is longer', async () => {
      const { stores, host, frames } = await startedHost();
      const delivery = await placeOrder(stores.eventDb, 'ORD-1');

      await host.apply({ ...delivery, head: 9 });

      expect(frames().at(-1)).toMatchObject({ kind: 'view-changed', checkpoint: 2, head: 9 });
      expect(await allRows(host)).toMatchObject({ asOfPosition: 2, headPosition: 9 });
    });
  });
});

// The Order status projection host after a lost delivery: it closes the gap from the event store.
import { afterEach, describe, expect, it } from 'vitest';
import {
  allRows,
  byOrderId,
  closeAllStores,
  expectStoreConsistent,
  placeOrder,
  rebuiltUpTo,
  startedHost,
} from './testing/host';

afterEach(closeAllStores);

describe('Projection host (Order status)', () => {
  describe('When a delivery was lost (the next one leaves a gap)', () => {
    it('catches up from the event store, so the view equals a rebuild from the log', async () => {
      const { stores, host } = await startedHost();
      await host.apply(await placeOrder(stores.eventDb, 'ORD-1'));
      await placeOrder(stores.eventDb, 'ORD-2'); // its delivery is lost
      const third = await placeOrder(stores.eventDb, 'ORD-3');

      await host.apply(third);

      expect(byOrderId((await allRows(host)).data)).toEqual(await rebuiltUpTo(stores.eventDb));
      expect(await expectStoreConsistent(stores)).toBe(6);
    });

    it('closes the gap when a later delivery overtakes an earlier one', async () => {
      const { stores, host } = await startedHost();
      const first = await placeOrder(stores.eventDb, 'ORD-1');
      const second = await placeOrder(stores.eventDb, 'ORD-2');

      await host.apply(second);
      await host.apply(first);

      expect((await allRows(host)).data.map((row) => row.builtFrom)).toEqual([[1], [3]]);
      expect(await expectStoreConsistent(stores)).toBe(4);
    });

    it('reads the events appended after the delivery was sent too', async () => {
      const { stores, host } = await startedHost();
      await placeOrder(stores.eventDb, 'ORD-1'); // lost
      const second = await placeOrder(stores.eventDb, 'ORD-2');
      await placeOrder(stores.eventDb, 'ORD-3'); // not delivered yet

      await host.apply(second);

      expect(await allRows(host)).toMatchObject({ asOfPosition: 6 });
      expect(await expectStoreConsistent(stores)).toBe(6);
    });
  });
});

// The Order status projection host restarted on the same read store: it resumes from the stored
// checkpoint and applies nothing twice.
import { afterEach, describe, expect, it } from 'vitest';
import { ReadStoreDb } from '../readstore/readStoreDb';
import {
  allRows,
  closeAllStores,
  expectStoreConsistent,
  freshStores,
  hostOn,
  kindAndCheckpoint,
  placeOrder,
  track,
  type Stores,
} from './testing/host';

afterEach(closeAllStores);

describe('Projection host (Order status)', () => {
  describe('When the host restarts on the same read store', () => {
    const restartedOn = (stores: Stores) => {
      const readDb = track(new ReadStoreDb(stores.readName));
      return { readDb, ...hostOn({ eventDb: stores.eventDb, readDb }) };
    };

    it('resumes from the stored checkpoint without applying anything twice', async () => {
      const stores = freshStores();
      const before = hostOn(stores);
      await before.host.start();
      const first = await placeOrder(stores.eventDb, 'ORD-1');
      await before.host.apply(first);
      stores.readDb.close();

      const after = restartedOn(stores);
      await after.host.start();
      await after.host.apply(first);

      expect(after.frames()).toEqual([
        {
          kind: 'view-snapshot',
          view: 'Order status',
          rows: [{ key: 'ORD-1', value: expect.objectContaining({ builtFrom: [1] }) as unknown }],
          checkpoint: 2,
          head: 2,
        },
      ]);
      expect(await allRows(after.host)).toMatchObject({ asOfPosition: 2, headPosition: 2 });
      await expectStoreConsistent({ eventDb: stores.eventDb, readDb: after.readDb });
    });

    it('catches up on what was appended while it was down', async () => {
      const stores = freshStores();
      const before = hostOn(stores);
      await before.host.start();
      await before.host.apply(await placeOrder(stores.eventDb, 'ORD-1'));
      stores.readDb.close();
      await placeOrder(stores.eventDb, 'ORD-2');
      await placeOrder(stores.eventDb, 'ORD-3');

      const after = restartedOn(stores);
      await after.host.start();

      expect(after.frames().map(kindAndCheckpoint)).toEqual([
        ['view-changed', 6],
        ['view-snapshot', 6],
      ]);
      expect((await allRows(after.host)).data.map((row) => row.builtFrom)).toEqual([[1], [3], [5]]);
      await expectStoreConsistent({ eventDb: stores.eventDb, readDb: after.readDb });
    });

    it('skips a delivery it applied before the restart even without calling start', async () => {
      const stores = freshStores();
      const before = hostOn(stores);
      const first = await placeOrder(stores.eventDb, 'ORD-1');
      await before.host.apply(first);
      stores.readDb.close();

      const after = restartedOn(stores);
      await after.host.apply(first);

      expect(after.trace).not.toHaveBeenCalled();
      expect((await allRows(after.host)).data.map((row) => row.builtFrom)).toEqual([[1]]);
    });
  });
});

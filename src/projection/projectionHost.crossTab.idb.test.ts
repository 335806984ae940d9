// Two tabs hosting the Order status view on one read store: each event is applied once, the stored
// checkpoint never moves back, and the view lock lets one instance write at a time.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReadStoreDb, readCheckpoint } from '../readstore/readStoreDb';
import { alone, webLock } from './viewLock';
import {
  closeAllStores,
  countedEvents,
  countingHostOn,
  expectStoreConsistent,
  freshStores,
  hostOn,
  placeOrder,
  track,
  type Stores,
} from './testing/host';

afterEach(closeAllStores);

describe('Projection host (Order status)', () => {
  describe('When two tabs host the view on the same read store', () => {
    // Every tab starts its own projection worker on readStoreName(view), and each tab's write model
    // publishes only to its own worker, so each host sees only some deliveries.
    const secondTabOn = (stores: Stores) => ({
      eventDb: stores.eventDb,
      readDb: track(new ReadStoreDb(stores.readName)),
    });

    // Each host checks the stored checkpoint in the same transaction that writes its rows, so a
    // host whose in-memory checkpoint is stale catches up from the stored one instead.
    it('applies each event once, whichever tab sees it first', async () => {
      const stores = freshStores();
      const tab1 = countingHostOn(stores);
      const tab2 = countingHostOn(secondTabOn(stores));
      await Promise.all([tab1.start(), tab2.start()]);

      await tab1.apply(await placeOrder(stores.eventDb, 'ORD-1'));
      await tab2.apply(await placeOrder(stores.eventDb, 'ORD-2'));

      expect(await countedEvents(stores.readDb)).toBe(4);
    });

    // A late delivery that looks contiguous to a stale host must not write checkpoint 2 over 4.
    it('never moves the stored checkpoint back, so rows and checkpoint agree', async () => {
      const stores = freshStores();
      const tab1 = hostOn(stores);
      const tab2Stores = secondTabOn(stores);
      const tab2 = hostOn(tab2Stores);
      await Promise.all([tab1.host.start(), tab2.host.start()]);
      const fromTab2 = await placeOrder(stores.eventDb, 'ORD-1'); // its delivery is still on its way
      const fromTab1 = await placeOrder(stores.eventDb, 'ORD-2');

      await tab1.host.apply(fromTab1);
      await tab2.host.apply(fromTab2);

      expect(await readCheckpoint(stores.readDb)).toBe(4);
      await expectStoreConsistent(tab2Stores);
    });

    /** One lock shared by both tabs, as a Web Lock is; it counts how many held it at once. */
    const sharedLock = () => {
      let tail: Promise<unknown> = Promise.resolve();
      const lock = { holders: 0, most: 0, taken: 0, exclusive: alone };
      lock.exclusive = <T>(work: () => Promise<T>): Promise<T> => {
        const run = tail.then(async () => {
          lock.holders += 1;
          lock.taken += 1;
          lock.most = Math.max(lock.most, lock.holders);
          try {
            return await work();
          } finally {
            lock.holders -= 1;
          }
        });
        tail = run.catch(() => undefined);
        return run;
      };
      return lock;
    };

    // A rebuild spans many transactions (a page size of 2 makes it so here): while it runs, the
    // other tab's instance must not write the store between two of them.
    it('writes the store one instance at a time, a rebuild included, and ends as a rebuild', async () => {
      const stores = freshStores();
      const lock = sharedLock();
      const tab1 = hostOn(stores, 2, lock.exclusive);
      const tab2Stores = secondTabOn(stores);
      const tab2 = hostOn(tab2Stores, 2, lock.exclusive);
      const early = [];
      for (let i = 0; i < 10; i += 1) early.push(await placeOrder(stores.eventDb, `ORD-${i}`));
      await Promise.all([tab1.host.start(), tab2.host.start()]);
      const late = await placeOrder(stores.eventDb, 'ORD-late');

      await Promise.all([
        tab1.host.rebuild(),
        tab2.host.apply(late),
        tab1.host.apply(late),
        tab2.host.rebuild(),
        tab2.host.catchUp(),
      ]);

      expect(lock.most).toBe(1);
      expect(lock.taken).toBe(2 + 5); // the two starts, then the five operations
      expect(await expectStoreConsistent(tab2Stores)).toBe(22);
    });

    it('takes the Web Lock named after its read store where the browser has Web Locks', async () => {
      const requested: string[] = [];
      vi.stubGlobal('navigator', {
        locks: {
          request: (name: string, work: () => Promise<unknown>) => {
            requested.push(name);
            return work();
          },
        },
      });
      try {
        await expect(webLock('cqrs-lab-read-stock-levels')(() => Promise.resolve(7))).resolves.toBe(
          7,
        );
        expect(requested).toEqual(['cqrs-lab-read-stock-levels']);
      } finally {
        vi.unstubAllGlobals();
      }
      expect(webLock('anything')).toBe(alone); // no Web Locks here (Node): the commit's check alone
    });
  });
});

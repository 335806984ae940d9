// The write model receiving a command id it has seen before, in this tab, after a reload or from
// another tab at the same time: appended once, answered with the first outcome.
import { afterEach, describe, expect, it } from 'vitest';
import { headPosition, readAll } from '../eventstore';
import { addProduct, closeAllDbs, expectAccepted, placeOrder, shop } from './testing/writeModel';

afterEach(closeAllDbs);

describe('Write model (shop)', () => {
  describe('When the same command is sent twice', () => {
    it('appends once; the second answer is the first events, marked duplicate, and is not published', async () => {
      const { db, dispatch, publish, given } = shop();
      await given(addProduct('SKU-1', { stock: 5 }));
      const order = placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 2 }], 'cmd-retry');

      const first = expectAccepted(await dispatch(order));
      const second = expectAccepted(await dispatch(structuredClone(order)));

      expect(first.duplicate).toBe(false);
      expect(second).toEqual({
        status: 'accepted',
        commandId: 'cmd-retry',
        events: first.events,
        duplicate: true,
      });
      expect((await readAll(db)).map((e) => e.position)).toEqual([1, 2, 3]);
      expect(publish).toHaveBeenCalledTimes(1);
    });

    it('answers a retry with the first outcome even if the stock has run out since', async () => {
      const { dispatch, given } = shop();
      const order = placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 1 }], 'cmd-early');
      await given(addProduct('SKU-1', { stock: 1 }), order);

      const retried = await dispatch(order);

      expect(retried).toMatchObject({ status: 'accepted', duplicate: true });
    });

    it('answers with the recorded outcome after a reload, when the new model never saw the command', async () => {
      const name = `test-${crypto.randomUUID()}`;
      const before = shop(name);
      await before.given(addProduct('SKU-1', { stock: 5 }));
      const order = placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 2 }], 'cmd-before-reload');
      const tooMany = placeOrder('ORD-2', [{ sku: 'SKU-1', quantity: 9 }], 'cmd-refused-before');
      const first = expectAccepted(await before.dispatch(order));
      const refused = await before.dispatch(tooMany);
      expect(refused.status).toBe('rejected');

      const after = shop(name); // a fresh write model on the same store: a reload, or another tab
      const again = await after.dispatch(structuredClone(order));
      const refusedAgain = await after.dispatch(structuredClone(tooMany));
      // A new command in the same batch as a known one still goes through once.
      const [retried, fresh] = await Promise.all([
        after.dispatch(structuredClone(order)),
        after.dispatch(placeOrder('ORD-3', [{ sku: 'SKU-1', quantity: 1 }], 'cmd-new')),
      ]);

      expect(again).toEqual({ ...first, duplicate: true });
      expect(refusedAgain).toEqual(refused);
      expect(retried).toMatchObject({ status: 'accepted', duplicate: true });
      expect(fresh).toMatchObject({ status: 'accepted', duplicate: false });
      expect((await readAll(after.db)).map((e) => e.meta.commandId)).toEqual([
        expect.stringMatching(/^cmd-/),
        'cmd-before-reload',
        'cmd-before-reload',
        'cmd-new',
        'cmd-new',
      ]);
    });

    it('appends once when both copies are dispatched at the same time', async () => {
      const { db, dispatch, publish, given } = shop();
      await given(addProduct('SKU-1', { stock: 5 }));
      const order = placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 2 }], 'cmd-twice');

      const outcomes = await Promise.all([dispatch(order), dispatch(order)]);

      expect(outcomes.map((o) => o.status === 'accepted' && o.duplicate)).toEqual([false, true]);
      expect(await headPosition(db)).toBe(3);
      expect(publish).toHaveBeenCalledTimes(1);
    });
  });

  describe('When two tabs send the same command at the same time', () => {
    it('appends it once, and only the tab that appended it publishes', async () => {
      const tab1 = shop();
      const tab2 = shop(tab1.db.name);
      await tab1.given(addProduct('SKU-1', { stock: 5 }));
      await tab2.db.open();
      const order = placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 2 }], 'cmd-both-tabs');

      const [first, second] = await Promise.all([tab1.dispatch(order), tab2.dispatch(order)]);

      const outcomes = [expectAccepted(first), expectAccepted(second)];
      expect(outcomes.map((o) => o.duplicate).sort()).toEqual([false, true]);
      expect(outcomes[0]?.events).toEqual(outcomes[1]?.events);
      expect((await readAll(tab1.db)).map((e) => e.position)).toEqual([1, 2, 3]);
      expect(tab1.publish.mock.calls.length + tab2.publish.mock.calls.length).toBe(1);
    });
  });
});

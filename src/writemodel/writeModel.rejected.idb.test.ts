// The write model refusing commands the shop rules or a stale read forbid: a reason the learner can
// read, and nothing appended or published.
import { afterEach, describe, expect, it } from 'vitest';
import type { ShopCommand } from '../domain/shop/commands';
import { headPosition, readStream } from '../eventstore';
import { addProduct, closeAllDbs, expectAccepted, placeOrder, shop } from './testing/writeModel';

afterEach(closeAllDbs);

describe('Write model (shop)', () => {
  describe('When the shop says no', () => {
    const rejections: {
      name: string;
      history: () => ShopCommand[];
      command: () => ShopCommand;
      reason: string;
    }[] = [
      {
        name: 'an order for more than is in stock',
        history: () => [addProduct('SKU-1', { stock: 2 })],
        command: () => placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 3 }]),
        reason: 'Not enough stock for SKU-1: 2 available, 3 requested',
      },
      {
        name: 'an order whose second line is short of stock',
        history: () => [addProduct('SKU-1'), addProduct('SKU-2', { stock: 0 })],
        command: () =>
          placeOrder('ORD-1', [
            { sku: 'SKU-1', quantity: 1 },
            { sku: 'SKU-2', quantity: 1 },
          ]),
        reason: 'Not enough stock for SKU-2: 0 available, 1 requested',
      },
      {
        name: 'an order for an unknown SKU',
        history: () => [addProduct('SKU-1')],
        command: () => placeOrder('ORD-1', [{ sku: 'SKU-9', quantity: 1 }]),
        reason: 'There is no product with SKU SKU-9',
      },
      {
        name: 'a product whose SKU already exists',
        history: () => [addProduct('SKU-1', { name: 'Mug' })],
        command: () => addProduct('SKU-1', { name: 'Cup' }),
        reason: 'SKU SKU-1 already exists (“Mug”)',
      },
      {
        name: 'an order id that was used before',
        history: () => [addProduct('SKU-1'), placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 1 }])],
        command: () => placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 1 }]),
        reason: 'Order ORD-1 already exists',
      },
    ];

    it.each(rejections)(
      'rejects $name with a reason the learner can read, and appends and publishes nothing',
      async ({ history, command, reason }) => {
        const { db, dispatch, publish, given } = shop();
        await given(...history());
        const headBefore = await headPosition(db);
        const sent = command();

        const outcome = await dispatch(sent);

        expect(outcome).toEqual({ status: 'rejected', commandId: sent.meta.commandId, reason });
        expect(await headPosition(db)).toBe(headBefore);
        expect(publish).not.toHaveBeenCalled();
      },
    );
  });

  describe('When a command says which versions its sender read', () => {
    const expecting = (command: ShopCommand, expectedVersions: Record<string, number>) => ({
      ...command,
      meta: { ...command.meta, expectedVersions },
    });

    it('goes ahead while the stream is still at the version read', async () => {
      const { dispatch, given, db } = shop();
      await given(addProduct('SKU-1', { stock: 1 }));
      const outcome = expectAccepted(
        await dispatch(
          expecting(placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 1 }]), { 'product-SKU-1': 1 }),
        ),
      );
      expect(outcome.events.map((e) => e.type)).toEqual(['OrderPlaced', 'StockReserved']);
      expect(await headPosition(db)).toBe(3);
    });

    it('refuses the second of two clerks who read the same version, and appends nothing for it', async () => {
      const { dispatch, given, db } = shop();
      await given(addProduct('SKU-1', { stock: 5 }));
      const read = { 'product-SKU-1': 1 };
      expectAccepted(
        await dispatch(expecting(placeOrder('ORD-A', [{ sku: 'SKU-1', quantity: 1 }]), read)),
      );
      const second = await dispatch(
        expecting(placeOrder('ORD-B', [{ sku: 'SKU-1', quantity: 1 }]), read),
      );
      expect(second).toMatchObject({
        status: 'rejected',
        reason:
          'product-SKU-1 changed since it was read (read at version 1, now at version 2). Nothing was appended: read it again and retry.',
      });
      expect(await headPosition(db)).toBe(3);
      expect((await readStream(db, 'order-ORD-B')).length).toBe(0);
    });

    it('refuses a sender who read a stream that does not exist yet as if it did', async () => {
      const { dispatch } = shop();
      const outcome = await dispatch(expecting(addProduct('SKU-9'), { 'product-SKU-9': 2 }));
      expect(outcome).toMatchObject({ status: 'rejected' });
    });
  });
});

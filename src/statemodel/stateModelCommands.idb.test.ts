// The state-model designs as the bus would drive them: each command's outcome recorded by its id in
// the write's transaction, so a command sent again (after a worker crash) is answered from its
// record and not applied twice, and every outcome in the bus's own shape.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DESIGN_IDS } from './designs';
import {
  addProduct,
  closeAll,
  placeOrder,
  queueAll,
  read,
  stateModelOn,
  stock,
  write,
} from './testing/stateModelFixture';

afterEach(closeAll);

const STATE_MODES = DESIGN_IDS.filter((design) => design !== 'event-sourced');

describe.each(STATE_MODES)('The %s design, given commands by the bus', (mode) => {
  describe('When a command is accepted', () => {
    it('answers with its events, numbered, and records it', async () => {
      const { db, model } = stateModelOn(mode);
      const add = addProduct('SKU-1', 5);

      const outcome = await model.dispatch(add);

      expect(outcome).toEqual({
        status: 'accepted',
        commandId: add.meta.commandId,
        duplicate: false,
        events: [
          expect.objectContaining({
            type: 'ProductAdded',
            position: 1,
            streamId: 'product-SKU-1',
            version: 1,
            meta: expect.objectContaining({ commandId: add.meta.commandId }) as unknown,
          }),
        ],
      });
      expect(await db.commands.get(add.meta.commandId)).toEqual({
        commandId: add.meta.commandId,
        outcome: 'accepted',
        position: 1,
      });
    });
  });

  describe('When the same command is sent again', () => {
    it('answers it as a duplicate and applies nothing more', async () => {
      const { model } = stateModelOn(mode);
      await model.dispatch(addProduct('SKU-1', 5));
      const order = placeOrder('ORD-1', 'SKU-1', 2);
      await model.dispatch(order);

      const again = await model.dispatch(order);

      expect(again).toEqual({
        status: 'accepted',
        commandId: order.meta.commandId,
        events: [],
        duplicate: true,
      });
      expect(await model.handle(read('SKU-1'))).toEqual(stock(3, 3));
    });

    it('applies it once when both copies come in one batch', async () => {
      const { model } = stateModelOn(mode);
      await model.dispatch(addProduct('SKU-1', 5));
      const order = placeOrder('ORD-1', 'SKU-1', 2);

      const answers = await queueAll(model, [read('SKU-1'), write(order), write(order)]);

      expect(answers.slice(1)).toEqual([
        { kind: 'write', ok: true, position: 3 },
        { kind: 'write', ok: true, position: 3 },
      ]);
      expect(await model.handle(read('SKU-1'))).toEqual(stock(3, 3));
    });

    it('refuses it again with the first reason, even if the rules would now say yes', async () => {
      const { model } = stateModelOn(mode);
      await model.dispatch(addProduct('SKU-1', 1));
      const order = placeOrder('ORD-1', 'SKU-1', 2);
      const first = await model.dispatch(order);
      await model.dispatch({
        type: 'Restock',
        data: { sku: 'SKU-1', quantity: 5 },
        meta: { commandId: 'restock-1', issuedAt: '2025-03-01T10:00:00.000Z' },
      });

      expect(await model.dispatch(order)).toEqual(first);
      expect(first).toEqual({
        status: 'rejected',
        commandId: order.meta.commandId,
        reason: 'Not enough stock for SKU-1: 1 available, 2 requested',
      });
    });
  });

  describe('When a command is not valid', () => {
    it('answers invalid with its field issues and its id, and records nothing', async () => {
      const { db, model } = stateModelOn(mode);
      const order = placeOrder('ORD-1', 'SKU-1', -1);

      const outcome = await model.dispatch(order);

      expect(outcome).toMatchObject({
        status: 'invalid',
        commandId: order.meta.commandId,
        reason: expect.stringContaining('Quantity must be at least 1') as string,
      });
      expect(outcome.status === 'invalid' && outcome.issues.length).toBeGreaterThan(0);
      expect(await db.commands.count()).toBe(0);
    });
  });

  describe('When the store fails', () => {
    it('answers failed, and neither state nor record is kept', async () => {
      const { db, model } = stateModelOn(mode);
      vi.spyOn(db.state, 'bulkPut').mockImplementationOnce(
        () => Promise.reject(new DOMException('full', 'QuotaExceededError')) as never,
      );
      const add = addProduct('SKU-1', 5);

      const outcome = await model.dispatch(add);

      expect(outcome).toMatchObject({ status: 'failed', commandId: add.meta.commandId });
      expect(await db.commands.count()).toBe(0);
      // Sent again, it is decided afresh.
      expect(await model.dispatch(add)).toMatchObject({ status: 'accepted', duplicate: false });
    });
  });

  describe('When reset', () => {
    it('forgets the command records too', async () => {
      const { db, model } = stateModelOn(mode);
      const add = addProduct('SKU-1', 5);
      await model.dispatch(add);

      await model.reset();

      expect(await db.commands.count()).toBe(0);
      expect(await model.dispatch(add)).toMatchObject({ status: 'accepted', duplicate: false });
    });
  });
});

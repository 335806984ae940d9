// The pieces the live design switch puts behind the bus for the designs that keep state in place:
// the write side in the bus's shape (and Step back refused with the reason), the outbox pruned to
// what some view still needs, and queries answered from views kept in the write's transaction.
import { afterEach, describe, expect, it } from 'vitest';
import { projections, searchOf } from '../domain/views';
import { askStateView } from './stateViews';
import { noStepBack, stateWriteApi } from './stateWriteApi';
import {
  addProduct,
  closeAll,
  placeOrder,
  restock,
  stateModelOn,
} from './testing/stateModelFixture';

afterEach(closeAll);

const VIEWS = [
  projections['Stock levels'],
  projections['Order status'],
  projections['Product search'],
];

describe('The write side of a state design, behind the bus', () => {
  it('decides a delivery of commands in order, each with its outcome', async () => {
    const { model, db } = stateModelOn('one-model');
    const api = stateWriteApi(model, db);

    const outcomes = await api.handle([
      addProduct('SKU-1', 1),
      placeOrder('ORD-1', 'SKU-1', 1),
      placeOrder('ORD-2', 'SKU-1', 1),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(['accepted', 'accepted', 'rejected']);
    expect(outcomes[1]?.status === 'accepted' && outcomes[1].events.map((e) => e.position)).toEqual(
      [2, 3],
    );
  });

  it('refuses Step back, naming the design and why, and changes nothing', async () => {
    const { model, db } = stateModelOn('after-commit');
    const api = stateWriteApi(model, db);
    const add = addProduct('SKU-1', 1);
    await api.handle([add]);

    await expect(api.undo([add.meta.commandId])).rejects.toThrow(noStepBack(model));
    expect(noStepBack(model)).toContain('CQRS, views updated after commit');
    expect(await model.handle({ kind: 'read', sku: 'SKU-1' })).toEqual({
      kind: 'read',
      available: 1,
      asOfPosition: 1,
    });
  });

  it('forgets everything on reset', async () => {
    const { model, db } = stateModelOn('same-transaction', { views: VIEWS });
    const api = stateWriteApi(model, db);
    await api.handle([addProduct('SKU-1', 1)]);

    await api.reset();

    expect(await model.handle({ kind: 'read', sku: 'SKU-1' })).toEqual({
      kind: 'read',
      available: null,
      asOfPosition: 0,
    });
  });
});

describe('Pruning the outbox', () => {
  const filled = async () => {
    const built = stateModelOn('after-commit');
    await stateWriteApi(built.model, built.db).handle([
      addProduct('SKU-1', 5),
      placeOrder('ORD-1', 'SKU-1', 1),
      restock('SKU-1', 2),
    ]);
    return built;
  };

  it('deletes the rows every view has applied, and keeps the rest', async () => {
    const { db, model } = await filled();

    await stateWriteApi(model, db).relayed(2);

    expect(await db.outbox.toCollection().primaryKeys()).toEqual([3, 4]);
  });

  it('has nothing to delete in the designs without an outbox', async () => {
    const { db, model } = stateModelOn('one-model');
    const api = stateWriteApi(model, db);
    await api.handle([addProduct('SKU-1', 5)]);

    await api.relayed(1);

    expect(await db.outbox.count()).toBe(0);
    expect((await db.state.get('product-SKU-1'))?.version).toBe(1);
  });
});

describe('A query to a view kept in the same transaction', () => {
  const shop = async () => {
    const built = stateModelOn('same-transaction', { views: VIEWS });
    await stateWriteApi(built.model, built.db).handle([
      addProduct('SKU-1', 5, { name: 'Blue mug', price: 4 }),
      addProduct('SKU-2', 3, { name: 'Teapot', price: 30 }),
      placeOrder('ORD-1', 'SKU-1', 2),
    ]);
    return built;
  };

  it('answers one row as of the head: never behind an acknowledged write', async () => {
    const { db } = await shop();

    expect(await askStateView(db, 'Stock levels', { kind: 'key', key: 'SKU-1' })).toEqual({
      data: expect.objectContaining({ sku: 'SKU-1', available: 3 }) as unknown,
      asOfPosition: 4,
      headPosition: 4,
      servedBy: 'Stock levels',
    });
    expect(
      (await askStateView(db, 'Stock levels', { kind: 'key', key: 'SKU-404' })).data,
    ).toBeNull();
  });

  it('answers all rows of that view only', async () => {
    const { db } = await shop();

    const answer = await askStateView(db, 'Stock levels', { kind: 'all' });

    expect((answer.data as { sku: string }[]).map((row) => row.sku)).toEqual(['SKU-1', 'SKU-2']);
    const orders = await askStateView(db, 'Order status', { kind: 'all' });
    expect((orders.data as { orderId: string }[]).map((row) => row.orderId)).toEqual(['ORD-1']);
  });

  it('answers a text search with the view’s own search', async () => {
    const { db } = await shop();

    const answer = await askStateView(
      db,
      'Product search',
      { kind: 'text', text: 'mug' },
      searchOf('Product search'),
    );

    expect(JSON.stringify(answer.data)).toContain('SKU-1');
    expect(JSON.stringify(answer.data)).not.toContain('SKU-2');
  });
});

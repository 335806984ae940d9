// The write model keeping an inline view: written in the append's transaction, so it is up to date
// as soon as a command is acknowledged, and equal to a rebuild of the log.
import { afterEach, describe, expect, it } from 'vitest';
import { rebuildView, type Projection } from '../domain/projection';
import { stockLevelsProjection, type StockLevelRow } from '../domain/shop/stockLevels.projection';
import type { StoredEvent } from '../domain/types';
import { headPosition, readAll, readInline } from '../eventstore';
import { addProduct, closeAllDbs, placeOrder, shop } from './testing/writeModel';

afterEach(closeAllDbs);

describe('Write model with an inline view', () => {
  const withInline = () => {
    const { db, model } = shop();
    const stock = async (sku: string) => {
      const { value, asOfPosition } = await readInline(db, sku);
      return { available: (value as StockLevelRow | null)?.available ?? null, asOfPosition };
    };
    /** The inline view must equal a rebuild of the whole log. */
    const expectRebuilt = async () => {
      const log = await readAll(db, { limit: 10_000 });
      const rebuilt = rebuildView(stockLevelsProjection, log);
      const rows = await db.inline.toArray();
      expect(
        Object.fromEntries(
          rows.filter((r) => r.key !== '#checkpoint').map((r) => [r.key, r.value]),
        ),
      ).toEqual(rebuilt);
    };
    return { db, model, stock, expectRebuilt };
  };
  const stockView = stockLevelsProjection as unknown as Projection<unknown, never>;

  it('is built from the log when turned on, then up to date as soon as a command is acknowledged', async () => {
    const { model, stock, expectRebuilt } = withInline();
    await model.dispatch(addProduct('SKU-1', { stock: 5 }));
    await model.setInline(stockView);
    expect(await stock('SKU-1')).toEqual({ available: 5, asOfPosition: 1 });

    const outcome = await model.dispatch(placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 2 }]));
    expect(outcome.status).toBe('accepted');
    expect(await stock('SKU-1')).toEqual({ available: 3, asOfPosition: 3 });
    await expectRebuilt();
  });

  it('is written in the append’s transaction: a view that fails aborts the append too', async () => {
    const { db, model, stock } = withInline();
    await model.dispatch(addProduct('SKU-1', { stock: 5 }));
    const failing: Projection<unknown, never> = {
      ...stockView,
      project: (rows, event) => {
        if ((event as StoredEvent).type === 'StockReserved')
          throw new Error('the inline view broke');
        return stockView.project(rows, event);
      },
    };
    await model.setInline(failing);
    const outcome = await model.dispatch(placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 2 }]));
    expect(outcome.status).toBe('failed');
    expect(await headPosition(db)).toBe(1);
    await model.setInline(stockView);
    expect(await stock('SKU-1')).toEqual({ available: 5, asOfPosition: 1 });
  });

  it('follows a step back, and is emptied when turned off or the log is reset', async () => {
    const { db, model, stock, expectRebuilt } = withInline();
    await model.dispatch(addProduct('SKU-1', { stock: 5 }));
    await model.setInline(stockView);
    const order = placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 2 }]);
    await model.dispatch(order);
    await model.undo([order.meta.commandId]);
    expect(await stock('SKU-1')).toEqual({ available: 5, asOfPosition: 1 });
    await expectRebuilt();

    await model.setInline(undefined);
    expect(await db.inline.count()).toBe(0);
    await model.dispatch(placeOrder('ORD-2', [{ sku: 'SKU-1', quantity: 1 }]));
    expect(await db.inline.count()).toBe(0);

    await model.setInline(stockView);
    await model.reset();
    expect(await db.inline.count()).toBe(0);
  });
});

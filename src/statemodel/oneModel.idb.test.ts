// The one model's queries must answer what the views of the other designs answer: shaped at read
// time from the current state, they give the same rows a projection builds from the events.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { rebuildView } from '../domain/projection';
import { INDEX_KEY, searchProducts } from '../domain/shop/productSearch.projection';
import type { ProductSearchRow } from '../domain/shop/productSearch.projection';
import type { LabCommand } from '../domain/lab';
import { labCommand } from '../domain/testing/labCommands';
import type { StoredEvent } from '../domain/types';
import { projections, VIEW_NAMES, type ViewName } from '../domain/views';
import { askOneModel, oneModelRows, readOneModel } from './oneModel';
import { stateWriteApi } from './stateWriteApi';
import { addProduct, closeAll, placeOrder, stateModelOn } from './testing/stateModelFixture';

afterEach(closeAll);

/** What the two may differ in: a one-model row is built from no events. */
const comparable = (view: ViewName, rows: Record<string, unknown>) => {
  if (view === 'Order status')
    return Object.fromEntries(
      Object.entries(rows).map(([key, row]) => [key, { ...(row as object), builtFrom: [] }]),
    );
  if (view === 'Product search') {
    // The same products found for the same words (indexes built in another order differ as JSON).
    const row = rows[INDEX_KEY] as ProductSearchRow | undefined;
    return { count: row?.documentCount ?? 0, found: searchProducts(row, 'A B', 10).length };
  }
  return rows;
};

const at = { commandId: 'setup', issuedAt: '2026-01-01T08:00:00.000Z' };
/** A shop and a bank to work in, so that most random commands are accepted. */
const SETUP: LabCommand[] = [
  { type: 'AddProduct', data: { sku: 'A', name: 'A', price: 2, stock: 20 }, meta: at },
  { type: 'AddProduct', data: { sku: 'B', name: 'B', price: 3.5, stock: 20 }, meta: at },
  { type: 'OpenAccount', data: { accountId: 'X', owner: 'o' }, meta: at },
  { type: 'OpenAccount', data: { accountId: 'Y', owner: 'p' }, meta: at },
  { type: 'Deposit', data: { accountId: 'X', amount: 100 }, meta: at },
];

describe('The one model’s queries', () => {
  it('answer every view as the projections would from the same decisions', async () => {
    let run = 0;
    let cancelled = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(labCommand, { minLength: 15, maxLength: 40 }), async (commands) => {
        run += 1;
        const { model, db } = stateModelOn('one-model');
        const outcomes = await stateWriteApi(model, db).handle(
          [...SETUP, ...commands].map((command, i) => ({
            ...command,
            // Each a minute after the last, so times and minute totals differ between commands.
            meta: {
              commandId: `run-${String(run)}-${String(i)}`,
              issuedAt: new Date(Date.UTC(2026, 0, 1, 9, i)).toISOString(),
            },
          })),
        );
        const events: StoredEvent[] = outcomes.flatMap((o) =>
          o.status === 'accepted' ? o.events : [],
        );
        cancelled += events.filter((e) => e.type === 'StockReleased').length;
        const { rows } = await readOneModel(db);
        for (const view of VIEW_NAMES)
          expect(comparable(view, oneModelRows(view, rows))).toEqual(
            comparable(view, rebuildView(projections[view], events)),
          );
        await closeAll();
      }),
      { numRuns: 80 },
    );
    expect(cancelled).toBeGreaterThan(0); // the runs did meet a cancellation
  });

  it('answer a key, all rows or a search, always up to date with the last write', async () => {
    const { model, db } = stateModelOn('one-model');
    await stateWriteApi(model, db).handle([
      addProduct('SKU-1', 5, { name: 'Blue mug', price: 4 }),
      addProduct('SKU-2', 3, { name: 'Teapot', price: 30 }),
      placeOrder('ORD-1', 'SKU-1', 2),
    ]);

    const one = await askOneModel(db, 'Stock levels', { kind: 'key', key: 'SKU-1' });
    expect(one).toMatchObject({ asOfPosition: 4, headPosition: 4, servedBy: 'Stock levels' });
    expect(one.data).toMatchObject({ sku: 'SKU-1', onHand: 5, reserved: 2, available: 3 });
    expect((await askOneModel(db, 'Order status', { kind: 'key', key: 'ORD-9' })).data).toBeNull();
    const all = await askOneModel(db, 'Order status', { kind: 'all' });
    expect((all.data as { orderId: string }[]).map((row) => row.orderId)).toEqual(['ORD-1']);
    const found = await askOneModel(db, 'Product search', { kind: 'text', text: 'mug' });
    expect((found.data as { sku: string }[]).map((hit) => hit.sku)).toEqual(['SKU-1']);
  });
});

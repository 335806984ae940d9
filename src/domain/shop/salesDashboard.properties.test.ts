import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectBatchesEqualRebuilds } from '../testing/batches';
import { fromCents, toCents } from '../money';
import { handlesEvent, rebuildView } from '../projection';
import {
  addProduct,
  at,
  eventsOf,
  meta,
  onOrder,
  placeOrder,
  runShop,
  viewOf,
} from '../testing/salesDashboard';
import { storedAll } from '../testing/stored';
import type { ShopCommand } from './commands';
import { streamOfShopEvent } from './events';
import { salesDashboardProjection } from './salesDashboard.projection';

// Random shop traffic: commands through the real decider, issued across five minutes.
const skus = ['SKU-1', 'SKU-2', 'SKU-3'];
const orderIds = fc.integer({ min: 1, max: 8 }).map((n) => `ORD-${n}`);
const issuedAt = fc.integer({ min: 0, max: 5 * 60 - 1 }).map((s) => at(0, s));
const cents = fc.integer({ min: 1, max: 5_000 }).map((c) => c / 100);

const shopCommand: fc.Arbitrary<ShopCommand> = fc.oneof(
  fc
    .record({ sku: fc.constantFrom(...skus), stock: fc.integer({ min: 0, max: 20 }), price: cents })
    .map((d) => addProduct(d.sku, `Product ${d.sku}`, d.price, d.stock)),
  fc
    .record({ sku: fc.constantFrom(...skus), quantity: fc.integer({ min: 1, max: 10 }) })
    .map((data) => ({ type: 'Restock' as const, data, meta: meta() })),
  fc
    .record({ sku: fc.constantFrom(...skus), price: cents })
    .map((data) => ({ type: 'ChangePrice' as const, data, meta: meta() })),
  {
    arbitrary: fc
      .tuple(
        orderIds,
        fc.uniqueArray(
          fc.record({ sku: fc.constantFrom(...skus), quantity: fc.integer({ min: 1, max: 4 }) }),
          { minLength: 1, maxLength: 3, selector: (line) => line.sku },
        ),
        issuedAt,
      )
      .map(([orderId, lines, time]) => placeOrder(orderId, lines, time)),
    weight: 3,
  },
  {
    arbitrary: fc
      .tuple(
        fc.constantFrom('PayOrder' as const, 'ShipOrder' as const, 'CancelOrder' as const),
        orderIds,
        issuedAt,
      )
      .map(([type, orderId, time]) => onOrder(type, orderId, time)),
    weight: 3,
  },
);
// Opening the catalogue first keeps most runs busy: without products nearly every order is refused.
const opening = fc.tuple(
  ...skus.map((sku) =>
    fc
      .record({ stock: fc.integer({ min: 0, max: 20 }), price: cents })
      .map(({ stock, price }) => addProduct(sku, `Product ${sku}`, price, stock)),
  ),
);
const traffic = fc
  .tuple(opening, fc.array(shopCommand, { minLength: 5, maxLength: 60, size: 'max' }))
  .map(([products, commands]) => [...products, ...commands]);

const sumCents = (amounts: readonly number[]) =>
  amounts.reduce((sum, amount) => sum + toCents(amount), 0);

describe('Sales dashboard properties', () => {
  it('applied batch by batch equals a rebuild at every prefix', () =>
    fc.assert(
      fc.property(
        traffic,
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 10 }),
        (commands, batchSizes) => {
          const events = storedAll(eventsOf(commands), streamOfShopEvent);
          expectBatchesEqualRebuilds(salesDashboardProjection, events, batchSizes);
        },
      ),
      { numRuns: 1000 },
    ));

  it('counts every order placed and every amount paid, exactly', () =>
    fc.assert(
      fc.property(traffic, (commands) => {
        const log = eventsOf(commands);
        const minutes = Object.values(viewOf(log)).filter((row) => row.kind === 'minute');
        const placed = log.filter((e) => e.type === 'OrderPlaced').length;
        const paid = log.flatMap((e) => (e.type === 'OrderPaid' ? [e.data.amount] : []));
        expect(minutes.reduce((sum, row) => sum + row.ordersPlaced, 0)).toBe(placed);
        expect(sumCents(minutes.map((row) => row.revenue))).toBe(sumCents(paid));
      }),
      { numRuns: 1000 },
    ));

  it('shows per product the units and value of the orders not cancelled', () =>
    fc.assert(
      fc.property(traffic, (commands) => {
        const { state, log } = runShop(commands);
        const view = viewOf(log);
        const lines = Object.values(state.orders)
          .filter((order) => order.status !== 'cancelled')
          .flatMap((order) => order.lines);
        const ordered = new Set(
          Object.values(state.orders).flatMap((o) => o.lines.map((l) => l.sku)),
        );
        for (const sku of skus) {
          const mine = lines.filter((line) => line.sku === sku);
          const row = view[`product:${sku}`];
          if (!ordered.has(sku)) expect(row).toBeUndefined();
          else
            expect(row).toMatchObject({
              unitsOrdered: mine.reduce((sum, line) => sum + line.quantity, 0),
              revenue: fromCents(
                mine.reduce((sum, line) => sum + line.quantity * toCents(line.unitPrice), 0),
              ),
            });
        }
      }),
      { numRuns: 1000 },
    ));

  it('reads and writes only the rows keysOf names', () =>
    fc.assert(
      fc.property(traffic, (commands) => {
        const events = storedAll(eventsOf(commands), streamOfShopEvent);
        const view = rebuildView(salesDashboardProjection, []);
        for (const event of events) {
          if (!handlesEvent(salesDashboardProjection, event)) continue;
          const keys = salesDashboardProjection.keysOf(event);
          const visible = Object.fromEntries(keys.map((key) => [key, view[key]]));
          const guarded = new Proxy(visible, {
            get: (target, key) => {
              if (typeof key === 'string' && !keys.includes(key))
                throw new Error(`${event.type} read ${key}, which keysOf does not name`);
              return target[key as string];
            },
          });
          const changes = salesDashboardProjection.project(guarded, event);
          for (const [key, row] of Object.entries(changes)) {
            expect(keys).toContain(key);
            if (row) view[key] = row;
            else Reflect.deleteProperty(view, key);
          }
        }
      }),
      { numRuns: 1000 },
    ));
});

import { runAll } from '../testing/run';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromCents, toCents } from '../money';
import { handlesEvent, projectBatch, rebuildView } from '../projection';
import { storedAll } from '../testing/stored';
import type { ShopCommand } from './commands';
import { streamOfShopEvent, type ShopEvent } from './events';
import {
  minuteOf,
  salesDashboardProjection,
  topProducts,
  type SalesDashboardRow,
} from './salesDashboard.projection';
import { shopDomain } from './shop.decider';

const at = (minute: number, second = 0) =>
  new Date(Date.UTC(2026, 0, 1, 10, minute, second)).toISOString();

const meta = (issuedAt = at(0)) => ({ commandId: 'c', issuedAt });

const runShop = (commands: readonly ShopCommand[]) => runAll(shopDomain, commands);

const eventsOf = (commands: readonly ShopCommand[]) => runShop(commands).log;
const viewOf = (events: readonly ShopEvent[]) =>
  rebuildView(salesDashboardProjection, storedAll(events, streamOfShopEvent));

const addProduct = (sku: string, name: string, price: number, stock = 100): ShopCommand => ({
  type: 'AddProduct',
  data: { sku, name, price, stock },
  meta: meta(),
});
const placeOrder = (
  orderId: string,
  lines: { sku: string; quantity: number }[],
  issuedAt = at(0),
): ShopCommand => ({ type: 'PlaceOrder', data: { orderId, lines }, meta: meta(issuedAt) });
const onOrder = (
  type: 'PayOrder' | 'ShipOrder' | 'CancelOrder',
  orderId: string,
  issuedAt = at(0),
): ShopCommand => ({ type, data: { orderId }, meta: meta(issuedAt) });

const catalogue = [addProduct('MUG', 'Blue mug', 12.5), addProduct('KEY', 'Keyboard', 0.1)];

describe('Sales dashboard', () => {
  describe('When an order is placed', () => {
    const view = viewOf(
      eventsOf([
        ...catalogue,
        placeOrder(
          'ORD-1',
          [
            { sku: 'MUG', quantity: 2 },
            { sku: 'KEY', quantity: 3 },
          ],
          at(1, 30),
        ),
      ]),
    );

    it('counts it in the minute it was placed, with no revenue yet', () =>
      expect(view['minute:2026-01-01T10:01']).toEqual({
        kind: 'minute',
        minute: '2026-01-01T10:01',
        ordersPlaced: 1,
        revenue: 0,
      }));

    it('counts the units and their value per product', () => {
      expect(view['product:MUG']).toEqual({
        kind: 'product',
        sku: 'MUG',
        name: 'Blue mug',
        unitsOrdered: 2,
        revenue: 25,
      });
      expect(view['product:KEY']).toMatchObject({ unitsOrdered: 3, revenue: 0.3 });
    });

    it('keeps the order’s lines, so a cancellation can take them back', () =>
      expect(view['order:ORD-1']).toMatchObject({
        kind: 'order',
        orderId: 'ORD-1',
        placedMinute: '2026-01-01T10:01',
        cancelled: false,
        lines: [
          { sku: 'MUG', quantity: 2 },
          { sku: 'KEY', quantity: 3 },
        ],
      }));

    it('puts orders of the same minute in one bucket and other minutes in their own', () => {
      const later = viewOf(
        eventsOf([
          ...catalogue,
          placeOrder('ORD-1', [{ sku: 'MUG', quantity: 1 }], at(1, 0)),
          placeOrder('ORD-2', [{ sku: 'MUG', quantity: 1 }], at(1, 59)),
          placeOrder('ORD-3', [{ sku: 'MUG', quantity: 1 }], at(2, 0)),
        ]),
      );
      expect(later['minute:2026-01-01T10:01']).toMatchObject({ ordersPlaced: 2 });
      expect(later['minute:2026-01-01T10:02']).toMatchObject({ ordersPlaced: 1 });
      expect(later['product:MUG']).toMatchObject({ unitsOrdered: 3, revenue: 37.5 });
    });

    it('buckets by UTC minute when the time carries an offset', () => {
      expect(minuteOf('2026-01-01T12:05:59+02:00')).toBe('2026-01-01T10:05');
      const offset = viewOf(
        eventsOf([
          ...catalogue,
          placeOrder('ORD-1', [{ sku: 'MUG', quantity: 1 }], '2026-01-01T12:05:59+02:00'),
        ]),
      );
      expect(offset['minute:2026-01-01T10:05']).toMatchObject({ ordersPlaced: 1 });
    });

    it('adds money exactly, through whole cents', () => {
      const cheap = viewOf(
        eventsOf([
          ...catalogue,
          placeOrder('ORD-1', [{ sku: 'KEY', quantity: 1 }]),
          placeOrder('ORD-2', [{ sku: 'KEY', quantity: 2 }]),
          onOrder('PayOrder', 'ORD-1'),
          onOrder('PayOrder', 'ORD-2'),
        ]),
      );
      expect(cheap['product:KEY']?.kind === 'product' && cheap['product:KEY'].revenue).toBe(0.3);
      expect(cheap['minute:2026-01-01T10:00']).toMatchObject({ revenue: 0.3 });
    });

    it('ignores the same order placed a second time', () => {
      const placed = eventsOf([...catalogue, placeOrder('ORD-1', [{ sku: 'MUG', quantity: 2 }])]);
      expect(viewOf([...placed, ...placed.slice(-2)])).toEqual(viewOf(placed));
    });
  });

  describe('When an order is paid', () => {
    it('adds the amount to the minute it was paid in, not the one it was placed in', () => {
      const view = viewOf(
        eventsOf([
          ...catalogue,
          placeOrder('ORD-1', [{ sku: 'MUG', quantity: 2 }], at(1)),
          onOrder('PayOrder', 'ORD-1', at(3, 10)),
        ]),
      );
      expect(view['minute:2026-01-01T10:01']).toMatchObject({ ordersPlaced: 1, revenue: 0 });
      expect(view['minute:2026-01-01T10:03']).toEqual({
        kind: 'minute',
        minute: '2026-01-01T10:03',
        ordersPlaced: 0,
        revenue: 25,
      });
    });

    it('ignores a payment for an order it never saw placed', () =>
      expect(
        viewOf([{ type: 'OrderPaid', data: { orderId: 'ORD-9', amount: 5, paidAt: at(1) } }]),
      ).toEqual({}));
  });

  describe('When an order is cancelled', () => {
    const placedAndPaid = [
      ...catalogue,
      placeOrder(
        'ORD-1',
        [
          { sku: 'MUG', quantity: 2 },
          { sku: 'KEY', quantity: 1 },
        ],
        at(1),
      ),
      placeOrder('ORD-2', [{ sku: 'MUG', quantity: 1 }], at(1)),
      onOrder('PayOrder', 'ORD-1', at(2)),
    ];

    it('takes its units and their value back from each product', () => {
      const view = viewOf(eventsOf([...placedAndPaid, onOrder('CancelOrder', 'ORD-1', at(4))]));
      expect(view['product:MUG']).toMatchObject({ unitsOrdered: 1, revenue: 12.5 });
      expect(view['product:KEY']).toMatchObject({ unitsOrdered: 0, revenue: 0 });
      expect(view['order:ORD-1']).toMatchObject({ cancelled: true, lines: [] });
    });

    it('still counts it as placed, and a paid order keeps its revenue (no refunds)', () => {
      const view = viewOf(eventsOf([...placedAndPaid, onOrder('CancelOrder', 'ORD-1', at(4))]));
      expect(view['minute:2026-01-01T10:01']).toMatchObject({ ordersPlaced: 2 });
      expect(view['minute:2026-01-01T10:02']).toMatchObject({ revenue: 25.1 });
    });

    it('does not take back twice when the cancellation arrives twice', () => {
      const placed = eventsOf(placedAndPaid);
      const cancellation = eventsOf([...placedAndPaid, onOrder('CancelOrder', 'ORD-1')]).slice(
        placed.length,
      );
      expect(cancellation.map((e) => e.type)).toEqual([
        'OrderCancelled',
        'StockReleased',
        'StockReleased',
      ]);
      expect(viewOf([...placed, ...cancellation, ...cancellation])).toEqual(
        viewOf([...placed, ...cancellation]),
      );
    });

    it('ignores a cancellation of an order it never saw placed', () =>
      expect(
        viewOf([
          { type: 'OrderCancelled', data: { orderId: 'ORD-9', cancelledAt: at(1) } },
          { type: 'StockReleased', data: { sku: 'MUG', orderId: 'ORD-9', quantity: 1 } },
        ]),
      ).toEqual({}));

    it('takes nothing back for stock released from an order that is not cancelled', () => {
      const placed = eventsOf(placedAndPaid);
      const released: ShopEvent = {
        type: 'StockReleased',
        data: { sku: 'MUG', orderId: 'ORD-1', quantity: 2 },
      };
      expect(viewOf([...placed, released])).toEqual(viewOf(placed));
    });
  });

  describe('When product and stock events arrive', () => {
    it('ignores them', () =>
      expect(
        viewOf(
          eventsOf([
            ...catalogue,
            { type: 'Restock', data: { sku: 'MUG', quantity: 3 }, meta: meta() },
            { type: 'ChangePrice', data: { sku: 'MUG', price: 9 }, meta: meta() },
          ]),
        ),
      ).toEqual({}));
  });

  describe('Top products', () => {
    const product = (sku: string, unitsOrdered: number): SalesDashboardRow => ({
      kind: 'product',
      sku,
      name: sku,
      unitsOrdered,
      revenue: unitsOrdered,
    });
    const rows: SalesDashboardRow[] = [
      product('B', 3),
      { kind: 'minute', minute: '2026-01-01T10:00', ordersPlaced: 9, revenue: 9 },
      product('C', 5),
      product('A', 3),
      { kind: 'order', orderId: 'O', lines: [], placedMinute: '', cancelled: false },
      product('D', 0),
    ];

    it('lists products by units, most first, ties by SKU', () =>
      expect(topProducts(rows, 10).map((p) => p.sku)).toEqual(['C', 'A', 'B', 'D']));

    it('lists at most n', () => {
      expect(topProducts(rows, 2).map((p) => p.sku)).toEqual(['C', 'A']);
      expect(topProducts(rows, 0)).toEqual([]);
    });
  });
});

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
          const rows: Record<string, SalesDashboardRow | undefined> = {};
          let applied = 0;
          for (let b = 0; applied < events.length; b += 1) {
            const size = batchSizes[b % batchSizes.length] ?? 1;
            projectBatch(salesDashboardProjection, rows, events.slice(applied, applied + size));
            applied = Math.min(events.length, applied + size);
            const incremental = Object.fromEntries(Object.entries(rows).filter(([, r]) => r));
            expect(incremental).toEqual(
              rebuildView(salesDashboardProjection, events.slice(0, applied)),
            );
          }
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

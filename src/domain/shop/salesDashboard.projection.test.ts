import { describe, expect, it } from 'vitest';
import {
  addProduct,
  at,
  eventsOf,
  meta,
  onOrder,
  placeOrder,
  viewOf,
} from '../testing/salesDashboard';
import type { ShopEvent } from './events';
import { minuteOf, topProducts, type SalesDashboardRow } from './salesDashboard.projection';

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

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectBatchesEqualRebuilds } from '../testing/batches';
import { projectBatch, rebuildView } from '../projection';
import type { StoredEvent } from '../types';
import type { ShopEvent } from './events';
import { orderStatusProjection } from './orderStatus.projection';

const meta = {
  commandId: 'c',
  correlationId: 'c',
  causationId: 'c',
  recordedAt: '2026-01-01T00:00:00.000Z',
  schemaVersion: 2,
  commandType: 'Test',
};

const stored = (event: ShopEvent, position: number): StoredEvent<ShopEvent> => ({
  ...event,
  position,
  streamId: 'x',
  version: 1,
  meta,
});

const orderPlaced = (orderId: string, quantity = 1): ShopEvent => ({
  type: 'OrderPlaced',
  data: {
    orderId,
    lines: [{ sku: 'SKU-1', name: 'Mug', quantity, unitPrice: 2 }],
    total: quantity * 2,
    placedAt: '2026-01-01T00:00:00.000Z',
  },
});

describe('Order status', () => {
  describe('When an order is placed', () => {
    it('shows it as placed with its lines, total and the event that built it', () => {
      const view = rebuildView(orderStatusProjection, [stored(orderPlaced('ORD-1', 3), 7)]);
      expect(view).toEqual({
        'ORD-1': {
          orderId: 'ORD-1',
          status: 'placed',
          lines: [{ sku: 'SKU-1', name: 'Mug', quantity: 3, unitPrice: 2 }],
          total: 6,
          placedAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:00.000Z',
          builtFrom: [7],
        },
      });
    });
  });

  describe('When an order moves through its life', () => {
    it('shows the latest status and every event that built the row', () => {
      const at = '2026-01-02T00:00:00.000Z';
      const view = rebuildView(orderStatusProjection, [
        stored(orderPlaced('ORD-1'), 1),
        stored({ type: 'OrderPaid', data: { orderId: 'ORD-1', amount: 2, paidAt: at } }, 3),
        stored({ type: 'OrderShipped', data: { orderId: 'ORD-1', shippedAt: at } }, 4),
      ]);
      expect(view['ORD-1']).toMatchObject({
        status: 'shipped',
        updatedAt: at,
        builtFrom: [1, 3, 4],
      });
    });

    it('shows a cancelled order as cancelled', () => {
      const at = '2026-01-02T00:00:00.000Z';
      const view = rebuildView(orderStatusProjection, [
        stored(orderPlaced('ORD-1'), 1),
        stored({ type: 'OrderCancelled', data: { orderId: 'ORD-1', cancelledAt: at } }, 2),
      ]);
      expect(view['ORD-1']?.status).toBe('cancelled');
    });

    it('ignores a status event for an order it never saw placed', () =>
      expect(
        rebuildView(orderStatusProjection, [
          stored({ type: 'OrderPaid', data: { orderId: 'ORD-9', amount: 1, paidAt: '' } }, 1),
        ]),
      ).toEqual({}));
  });

  describe('When stock events arrive', () => {
    it('ignores them', () => {
      const changes = projectBatch(orderStatusProjection, {}, [
        stored(
          { type: 'ProductAdded', data: { sku: 'SKU-1', name: 'Mug', price: 2, stock: 1 } },
          1,
        ),
        stored({ type: 'StockReserved', data: { sku: 'SKU-1', orderId: 'ORD-1', quantity: 1 } }, 2),
      ]);
      expect(changes).toEqual({});
    });
  });

  it('applied batch by batch equals a rebuild at every prefix', () =>
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10 }), { maxLength: 30 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 30 }),
        (ids, batchSizes) => {
          const events = ids.map((id, i) => stored(orderPlaced(`ORD-${id}`, i + 1), i + 1));
          expectBatchesEqualRebuilds(orderStatusProjection, events, batchSizes);
        },
      ),
      { numRuns: 1000 },
    ));
});

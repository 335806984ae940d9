import { describe, expect, it } from 'vitest';
import { projectBatch } from '../projection';
import type { StoredEvent } from '../types';
import { stockLevelsProjection } from './stockLevels.projection';
import { stockLevelsV2Projection } from './stockLevelsV2.projection';

let position = 0;
const event = (type: string, data: Record<string, unknown>): StoredEvent =>
  ({ type, data, position: ++position, streamId: 'x', version: 1, meta: {} }) as never;

const history = () => {
  position = 0;
  return [
    event('ProductAdded', { sku: 'SKU-1', name: 'Blue mug', price: 12.5, stock: 5 }),
    event('StockReserved', { sku: 'SKU-1', orderId: 'ORD-1', quantity: 2 }),
    event('StockReserved', { sku: 'SKU-1', orderId: 'ORD-2', quantity: 1 }),
    event('StockReleased', { sku: 'SKU-1', orderId: 'ORD-2', quantity: 1 }),
    event('StockShipped', { sku: 'SKU-1', orderId: 'ORD-1', quantity: 2 }),
    event('ProductRestocked', { sku: 'SKU-1', quantity: 4 }),
  ];
};

describe('Stock levels version 2', () => {
  it('keeps every column of version 1, and counts the units sold, less cancellations', () => {
    const v1 = projectBatch(stockLevelsProjection, {}, history());
    const v2 = projectBatch(stockLevelsV2Projection, {}, history());
    expect(v2['SKU-1']).toEqual({ ...v1['SKU-1'], sold: 2 });
  });
});

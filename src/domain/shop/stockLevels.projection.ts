// Stock levels: counters per SKU, shaped for "how many can I still sell?".
import type { Projection } from '../projection';
import { PRODUCT_EVENT_TYPES, type ShopEvent } from './events';

export type StockLevelRow = {
  sku: string;
  name: string;
  price: number;
  onHand: number;
  reserved: number;
  available: number;
  /** The last event that changed this row. */
  lastPosition: number;
};

const counted = (row: StockLevelRow, onHand: number, reserved: number, position: number) => ({
  ...row,
  onHand,
  reserved,
  available: onHand - reserved,
  lastPosition: position,
});

export const stockLevelsProjection: Projection<StockLevelRow, ShopEvent> = {
  name: 'Stock levels',
  handles: PRODUCT_EVENT_TYPES,
  keysOf: (event) => ('sku' in event.data ? [event.data.sku] : []),
  project: (rows, event) => {
    if (event.type === 'ProductAdded') {
      const { sku, name, price, stock } = event.data;
      const row = {
        sku,
        name,
        price,
        onHand: stock,
        reserved: 0,
        available: stock,
        lastPosition: 0,
      };
      return { [sku]: counted(row, stock, 0, event.position) };
    }
    const sku = 'sku' in event.data ? event.data.sku : '';
    const row = rows[sku];
    if (!row) return {};
    switch (event.type) {
      case 'PriceChanged':
        return { [sku]: { ...row, price: event.data.price, lastPosition: event.position } };
      case 'ProductRestocked':
        return {
          [sku]: counted(row, row.onHand + event.data.quantity, row.reserved, event.position),
        };
      case 'StockReserved':
        return {
          [sku]: counted(row, row.onHand, row.reserved + event.data.quantity, event.position),
        };
      case 'StockReleased':
        return {
          [sku]: counted(row, row.onHand, row.reserved - event.data.quantity, event.position),
        };
      case 'StockShipped': {
        const { quantity } = event.data;
        return {
          [sku]: counted(row, row.onHand - quantity, row.reserved - quantity, event.position),
        };
      }
      default:
        return {};
    }
  },
};

// Order status: a key-value view, order id → what the customer would ask about their order.
import type { Projection } from '../projection';
import type { OrderLine, ShopEvent } from './events';

export type OrderStatusRow = {
  orderId: string;
  status: 'placed';
  lines: OrderLine[];
  total: number;
  placedAt: string;
  /** Positions of the events that built this row (provenance). */
  builtFrom: number[];
};

export const orderStatusProjection: Projection<OrderStatusRow, ShopEvent> = {
  name: 'Order status',
  handles: ['OrderPlaced'],
  keysOf: (event) => (event.type === 'OrderPlaced' ? [event.data.orderId] : []),
  project: (rows, event) => {
    switch (event.type) {
      case 'OrderPlaced': {
        const { orderId, lines, total, placedAt } = event.data;
        const before = rows[orderId];
        return {
          [orderId]: {
            orderId,
            status: 'placed',
            lines,
            total,
            placedAt,
            builtFrom: [...(before?.builtFrom ?? []), event.position],
          },
        };
      }
      default:
        return {};
    }
  },
};

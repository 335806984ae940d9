// Order status: a key-value view, order id → what a customer asks about their order.
import type { Projection } from '../projection';
import { ORDER_EVENT_TYPES, type OrderLine, type ShopEvent } from './events';
import type { OrderStatus } from './shop.state';

export type OrderStatusRow = {
  orderId: string;
  status: OrderStatus;
  lines: OrderLine[];
  total: number;
  placedAt: string;
  updatedAt: string;
  /** Positions of the events that built this row (provenance). */
  builtFrom: number[];
};

export const orderStatusProjection: Projection<OrderStatusRow, ShopEvent> = {
  name: 'Order status',
  handles: ORDER_EVENT_TYPES,
  keysOf: (event) => ('orderId' in event.data ? [event.data.orderId] : []),
  project: (rows, event) => {
    const before = (orderId: string) => rows[orderId];
    const moved = (orderId: string, status: OrderStatus, at: string) => {
      const row = before(orderId);
      return row
        ? {
            [orderId]: {
              ...row,
              status,
              updatedAt: at,
              builtFrom: [...row.builtFrom, event.position],
            },
          }
        : {};
    };
    switch (event.type) {
      case 'OrderPlaced': {
        const { orderId, lines, total, placedAt } = event.data;
        return {
          [orderId]: {
            orderId,
            status: 'placed',
            lines,
            total,
            placedAt,
            updatedAt: placedAt,
            builtFrom: [event.position],
          },
        };
      }
      case 'OrderPaid':
        return moved(event.data.orderId, 'paid', event.data.paidAt);
      case 'OrderShipped':
        return moved(event.data.orderId, 'shipped', event.data.shippedAt);
      case 'OrderCancelled':
        return moved(event.data.orderId, 'cancelled', event.data.cancelledAt);
      default:
        return {};
    }
  },
};

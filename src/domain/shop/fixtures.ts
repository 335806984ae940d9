// Commands and events for specs, with fixed ids and times.
import type { AddProductData, ShopCommand } from './commands';
import type { ShopEvent } from './events';

const meta = (n = 1) => ({
  commandId: `cmd-${n}`,
  issuedAt: `2026-01-01T10:00:0${n % 10}.000Z`,
});

export const addProduct = (data: Partial<AddProductData> = {}): ShopCommand => ({
  type: 'AddProduct',
  data: { sku: 'SKU-1', name: 'Blue mug', price: 12.5, stock: 5, ...data },
  meta: meta(),
});

export const placeOrder = (
  lines: { sku: string; quantity: number }[],
  orderId = 'ORD-1',
  n = 2,
): ShopCommand => ({ type: 'PlaceOrder', data: { orderId, lines }, meta: meta(n) });

export const productAdded = (
  sku = 'SKU-1',
  stock = 5,
  price = 12.5,
  name = 'Blue mug',
): ShopEvent => ({
  type: 'ProductAdded',
  data: { sku, name, price, stock },
});

export const stockReserved = (sku: string, quantity: number, orderId = 'ORD-0'): ShopEvent => ({
  type: 'StockReserved',
  data: { sku, orderId, quantity },
});

export const orderCommand = (
  type: 'PayOrder' | 'ShipOrder' | 'CancelOrder',
  orderId = 'ORD-1',
): ShopCommand => ({ type, data: { orderId }, meta: meta(3) });

/** The events of an order of 2 × SKU-1 at 12.50, placed as ORD-1. */
export const orderOf2: ShopEvent[] = [
  {
    type: 'OrderPlaced',
    data: {
      orderId: 'ORD-1',
      lines: [{ sku: 'SKU-1', name: 'Blue mug', quantity: 2, unitPrice: 12.5 }],
      total: 25,
      placedAt: '2026-01-01T10:00:02.000Z',
    },
  },
  stockReserved('SKU-1', 2, 'ORD-1'),
];

export const orderPaid: ShopEvent = {
  type: 'OrderPaid',
  data: { orderId: 'ORD-1', amount: 25, paidAt: '2026-01-01T10:00:03.000Z' },
};
export const orderShipped: ShopEvent = {
  type: 'OrderShipped',
  data: { orderId: 'ORD-1', shippedAt: '2026-01-01T10:00:03.000Z' },
};
export const orderCancelled: ShopEvent = {
  type: 'OrderCancelled',
  data: { orderId: 'ORD-1', cancelledAt: '2026-01-01T10:00:03.000Z' },
};

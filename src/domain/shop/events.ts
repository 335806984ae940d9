// Events are facts, named in the past tense. Once appended they never change.

export type OrderLine = { sku: string; name: string; quantity: number; unitPrice: number };

type Fact<T extends string, D> = { type: T; data: D };
type StockMove<T extends string> = Fact<T, { sku: string; orderId: string; quantity: number }>;

export type ShopEvent =
  | Fact<'ProductAdded', { sku: string; name: string; price: number; stock: number }>
  | Fact<'PriceChanged', { sku: string; price: number; previousPrice: number }>
  | Fact<'ProductRestocked', { sku: string; quantity: number }>
  | StockMove<'StockReserved'>
  | StockMove<'StockReleased'>
  | StockMove<'StockShipped'>
  | Fact<'OrderPlaced', { orderId: string; lines: OrderLine[]; total: number; placedAt: string }>
  | Fact<'OrderPaid', { orderId: string; amount: number; paidAt: string }>
  | Fact<'OrderShipped', { orderId: string; shippedAt: string }>
  | Fact<'OrderCancelled', { orderId: string; cancelledAt: string }>;

export type ShopEventOf<T extends ShopEvent['type']> = Extract<ShopEvent, { type: T }>;

/** Facts about a product and its stock: they live on the product's stream. */
export const PRODUCT_EVENT_TYPES = [
  'ProductAdded',
  'PriceChanged',
  'ProductRestocked',
  'StockReserved',
  'StockReleased',
  'StockShipped',
] as const satisfies readonly ShopEvent['type'][];

/** Facts about an order: they live on the order's stream. */
export const ORDER_EVENT_TYPES = [
  'OrderPlaced',
  'OrderPaid',
  'OrderShipped',
  'OrderCancelled',
] as const satisfies readonly ShopEvent['type'][];

export const SHOP_EVENT_TYPES = [...PRODUCT_EVENT_TYPES, ...ORDER_EVENT_TYPES];

export const productStream = (sku: string): string => `product-${sku}`;
export const orderStream = (orderId: string): string => `order-${orderId}`;

export const streamOfShopEvent = (event: ShopEvent): string => {
  switch (event.type) {
    case 'ProductAdded':
    case 'PriceChanged':
    case 'ProductRestocked':
    case 'StockReserved':
    case 'StockReleased':
    case 'StockShipped':
      return productStream(event.data.sku);
    case 'OrderPlaced':
    case 'OrderPaid':
    case 'OrderShipped':
    case 'OrderCancelled':
      return orderStream(event.data.orderId);
  }
};

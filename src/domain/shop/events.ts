// Events are facts, named in the past tense. Once appended they never change.

export type OrderLine = { sku: string; name: string; quantity: number; unitPrice: number };

export type ProductAdded = {
  type: 'ProductAdded';
  data: { sku: string; name: string; price: number; stock: number };
};

export type StockReserved = {
  type: 'StockReserved';
  data: { sku: string; orderId: string; quantity: number };
};

export type OrderPlaced = {
  type: 'OrderPlaced';
  data: { orderId: string; lines: OrderLine[]; total: number; placedAt: string };
};

export type ShopEvent = ProductAdded | StockReserved | OrderPlaced;

export const productStream = (sku: string): string => `product-${sku}`;
export const orderStream = (orderId: string): string => `order-${orderId}`;

export const streamOfShopEvent = (event: ShopEvent): string => {
  switch (event.type) {
    case 'ProductAdded':
    case 'StockReserved':
      return productStream(event.data.sku);
    case 'OrderPlaced':
      return orderStream(event.data.orderId);
  }
};

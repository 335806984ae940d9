// The shop's write-side state: what the rules need to know, folded from the events.
import { assertNever, own } from '../types';
import type { OrderLine, ShopEvent } from './events';

export type Product = {
  sku: string;
  name: string;
  price: number;
  onHand: number;
  reserved: number;
};
export type OrderStatus = 'placed' | 'paid' | 'shipped' | 'cancelled';
export type Order = { status: OrderStatus; orderId: string; lines: OrderLine[]; total: number };
export type ShopState = { products: Record<string, Product>; orders: Record<string, Order> };

export const initialShopState = (): ShopState => ({ products: {}, orders: {} });

/** Units that can still be promised to a new order. */
export const available = (product: Product): number => product.onHand - product.reserved;

const withProduct = (state: ShopState, sku: string, change: (p: Product) => Product) => {
  const product = own(state.products, sku);
  return product ? { ...state, products: { ...state.products, [sku]: change(product) } } : state;
};

const withOrderStatus = (state: ShopState, orderId: string, status: OrderStatus) => {
  const order = own(state.orders, orderId);
  return order ? { ...state, orders: { ...state.orders, [orderId]: { ...order, status } } } : state;
};

export const evolveShop = (state: ShopState, event: ShopEvent): ShopState => {
  switch (event.type) {
    case 'ProductAdded': {
      const { sku, name, price, stock } = event.data;
      const product: Product = { sku, name, price, onHand: stock, reserved: 0 };
      return { ...state, products: { ...state.products, [sku]: product } };
    }
    case 'PriceChanged':
      return withProduct(state, event.data.sku, (p) => ({ ...p, price: event.data.price }));
    case 'ProductRestocked':
      return withProduct(state, event.data.sku, (p) => ({
        ...p,
        onHand: p.onHand + event.data.quantity,
      }));
    case 'StockReserved':
      return withProduct(state, event.data.sku, (p) => ({
        ...p,
        reserved: p.reserved + event.data.quantity,
      }));
    case 'StockReleased':
      return withProduct(state, event.data.sku, (p) => ({
        ...p,
        reserved: p.reserved - event.data.quantity,
      }));
    case 'StockShipped':
      return withProduct(state, event.data.sku, (p) => ({
        ...p,
        reserved: p.reserved - event.data.quantity,
        onHand: p.onHand - event.data.quantity,
      }));
    case 'OrderPlaced': {
      const { orderId, lines, total } = event.data;
      const order: Order = { status: 'placed', orderId, lines, total };
      return { ...state, orders: { ...state.orders, [orderId]: order } };
    }
    case 'OrderPaid':
      return withOrderStatus(state, event.data.orderId, 'paid');
    case 'OrderShipped':
      return withOrderStatus(state, event.data.orderId, 'shipped');
    case 'OrderCancelled':
      return withOrderStatus(state, event.data.orderId, 'cancelled');
    default:
      return assertNever(event);
  }
};

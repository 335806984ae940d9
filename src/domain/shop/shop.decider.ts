// The shop's write model: a product stream per SKU (its details and stock) and an order stream per order.
// State is a fold over the events of the streams a command touches.
import { fromCents, toCents } from '../money';
import { assertNever, DomainError, type WriteDomain } from '../types';
import type { AddProduct, PlaceOrder, ShopCommand } from './commands';
import {
  orderStream,
  productStream,
  streamOfShopEvent,
  type OrderLine,
  type ShopEvent,
} from './events';

export type Product = {
  sku: string;
  name: string;
  price: number;
  onHand: number;
  reserved: number;
};
export type Order = { status: 'placed'; orderId: string; lines: OrderLine[]; total: number };
export type ShopState = { products: Record<string, Product>; orders: Record<string, Order> };

export const initialShopState = (): ShopState => ({ products: {}, orders: {} });

export const available = (product: Product): number => product.onHand - product.reserved;

const isWholeNumber = (n: number) => Number.isInteger(n);

const addProduct = ({ data }: AddProduct, state: ShopState): ShopEvent[] => {
  const existing = state.products[data.sku];
  if (existing) throw new DomainError(`SKU ${data.sku} already exists (“${existing.name}”)`);
  if (!(data.price > 0))
    throw new DomainError(`The price must be greater than 0, not ${data.price}`);
  if (!isWholeNumber(data.stock) || data.stock < 0)
    throw new DomainError(`The stock must be a whole number of 0 or more, not ${data.stock}`);
  return [{ type: 'ProductAdded', data: { ...data } }];
};

const priceLine = (line: { sku: string; quantity: number }, state: ShopState): OrderLine => {
  if (!isWholeNumber(line.quantity) || line.quantity < 1)
    throw new DomainError(
      `The quantity for ${line.sku} must be a whole number of at least 1, not ${line.quantity}`,
    );
  const product = state.products[line.sku];
  if (!product) throw new DomainError(`There is no product with SKU ${line.sku}`);
  const free = available(product);
  if (free < line.quantity)
    throw new DomainError(
      `Not enough stock for ${line.sku}: ${free} available, ${line.quantity} requested`,
    );
  return { sku: line.sku, name: product.name, quantity: line.quantity, unitPrice: product.price };
};

const placeOrder = ({ data, meta }: PlaceOrder, state: ShopState): ShopEvent[] => {
  if (state.orders[data.orderId]) throw new DomainError(`Order ${data.orderId} already exists`);
  if (data.lines.length === 0) throw new DomainError('An order needs at least one line');
  const skus = new Set(data.lines.map((line) => line.sku));
  if (skus.size !== data.lines.length)
    throw new DomainError('Each SKU may appear on only one line of an order');
  const lines = data.lines.map((line) => priceLine(line, state));
  const totalCents = lines.reduce((sum, l) => sum + l.quantity * toCents(l.unitPrice), 0);
  return [
    {
      type: 'OrderPlaced',
      data: { orderId: data.orderId, lines, total: fromCents(totalCents), placedAt: meta.issuedAt },
    },
    ...lines.map((line): ShopEvent => ({
      type: 'StockReserved',
      data: { sku: line.sku, orderId: data.orderId, quantity: line.quantity },
    })),
  ];
};

export const decideShop = (command: ShopCommand, state: ShopState): ShopEvent[] => {
  switch (command.type) {
    case 'AddProduct':
      return addProduct(command, state);
    case 'PlaceOrder':
      return placeOrder(command, state);
    default:
      return assertNever(command);
  }
};

const updateProduct = (state: ShopState, sku: string, change: (p: Product) => Product) => {
  const product = state.products[sku];
  return product ? { ...state, products: { ...state.products, [sku]: change(product) } } : state;
};

export const evolveShop = (state: ShopState, event: ShopEvent): ShopState => {
  switch (event.type) {
    case 'ProductAdded': {
      const { sku, name, price, stock } = event.data;
      const product: Product = { sku, name, price, onHand: stock, reserved: 0 };
      return { ...state, products: { ...state.products, [sku]: product } };
    }
    case 'StockReserved':
      return updateProduct(state, event.data.sku, (p) => ({
        ...p,
        reserved: p.reserved + event.data.quantity,
      }));
    case 'OrderPlaced': {
      const { orderId, lines, total } = event.data;
      const order: Order = { status: 'placed', orderId, lines, total };
      return { ...state, orders: { ...state.orders, [orderId]: order } };
    }
    default:
      return assertNever(event);
  }
};

export const streamsOfShopCommand = (command: ShopCommand): string[] => {
  switch (command.type) {
    case 'AddProduct':
      return [productStream(command.data.sku)];
    case 'PlaceOrder':
      return [
        ...new Set([
          orderStream(command.data.orderId),
          ...command.data.lines.map((line) => productStream(line.sku)),
        ]),
      ];
    default:
      return assertNever(command);
  }
};

export const shopDomain: WriteDomain<ShopState, ShopCommand, ShopEvent> = {
  initialState: initialShopState,
  decide: decideShop,
  evolve: evolveShop,
  streamsOf: streamsOfShopCommand,
  streamOf: streamOfShopEvent,
};

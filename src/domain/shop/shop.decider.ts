// The shop's rules: a stream per SKU (its details and stock) and a stream per order. Placing, shipping
// and cancelling an order touch the order stream and every SKU stream it names, in one atomic append.
import { formatMoney, fromCents, toCents } from '../money';
import { assertNever, DomainError, own, type WriteDomain } from '../types';
import type { ShopCommand, ShopCommandOf } from './commands';
import {
  orderStream,
  productStream,
  streamOfShopEvent,
  type OrderLine,
  type ShopEvent,
} from './events';
import {
  available,
  evolveShop,
  initialShopState,
  type Order,
  type Product,
  type ShopState,
} from './shop.state';

const isWholeNumber = (n: number) => Number.isInteger(n);

const requireProduct = (state: ShopState, sku: string): Product => {
  const product = own(state.products, sku);
  if (!product) throw new DomainError(`There is no product with SKU ${sku}`);
  return product;
};

const requireOrder = (state: ShopState, orderId: string): Order => {
  const order = own(state.orders, orderId);
  if (!order) throw new DomainError(`There is no order ${orderId}`);
  return order;
};

const requirePositivePrice = (price: number) => {
  if (!(price > 0)) throw new DomainError(`The price must be greater than 0, not ${price}`);
};

const requirePositiveQuantity = (quantity: number, what: string) => {
  if (!isWholeNumber(quantity) || quantity < 1)
    throw new DomainError(
      `The quantity ${what} must be a whole number of at least 1, not ${quantity}`,
    );
};

const addProduct = ({ data }: ShopCommandOf<'AddProduct'>, state: ShopState): ShopEvent[] => {
  const existing = own(state.products, data.sku);
  if (existing) throw new DomainError(`SKU ${data.sku} already exists (“${existing.name}”)`);
  requirePositivePrice(data.price);
  if (!isWholeNumber(data.stock) || data.stock < 0)
    throw new DomainError(`The stock must be a whole number of 0 or more, not ${data.stock}`);
  return [{ type: 'ProductAdded', data: { ...data } }];
};

const changePrice = ({ data }: ShopCommandOf<'ChangePrice'>, state: ShopState): ShopEvent[] => {
  const product = requireProduct(state, data.sku);
  requirePositivePrice(data.price);
  if (toCents(product.price) === toCents(data.price))
    throw new DomainError(`The price of ${data.sku} is already ${formatMoney(data.price)}`);
  return [
    {
      type: 'PriceChanged',
      data: { sku: data.sku, price: data.price, previousPrice: product.price },
    },
  ];
};

const restock = ({ data }: ShopCommandOf<'Restock'>, state: ShopState): ShopEvent[] => {
  requireProduct(state, data.sku);
  requirePositiveQuantity(data.quantity, `to restock ${data.sku}`);
  return [{ type: 'ProductRestocked', data: { ...data } }];
};

const priceLine = (line: { sku: string; quantity: number }, state: ShopState): OrderLine => {
  requirePositiveQuantity(line.quantity, `for ${line.sku}`);
  const product = requireProduct(state, line.sku);
  const free = available(product);
  if (free < line.quantity)
    throw new DomainError(
      `Not enough stock for ${line.sku}: ${free} available, ${line.quantity} requested`,
    );
  return { sku: line.sku, name: product.name, quantity: line.quantity, unitPrice: product.price };
};

const stockMoves = (
  type: 'StockReserved' | 'StockReleased' | 'StockShipped',
  orderId: string,
  lines: readonly OrderLine[],
): ShopEvent[] =>
  lines.map((line) => ({ type, data: { sku: line.sku, orderId, quantity: line.quantity } }));

const placeOrder = ({ data, meta }: ShopCommandOf<'PlaceOrder'>, state: ShopState): ShopEvent[] => {
  if (own(state.orders, data.orderId))
    throw new DomainError(`Order ${data.orderId} already exists`);
  if (data.lines.length === 0) throw new DomainError('An order needs at least one line');
  if (new Set(data.lines.map((line) => line.sku)).size !== data.lines.length)
    throw new DomainError('Each SKU may appear on only one line of an order');
  const lines = data.lines.map((line) => priceLine(line, state));
  const totalCents = lines.reduce((sum, l) => sum + l.quantity * toCents(l.unitPrice), 0);
  const total = fromCents(totalCents);
  return [
    { type: 'OrderPlaced', data: { orderId: data.orderId, lines, total, placedAt: meta.issuedAt } },
    ...stockMoves('StockReserved', data.orderId, lines),
  ];
};

const payOrder = ({ data, meta }: ShopCommandOf<'PayOrder'>, state: ShopState): ShopEvent[] => {
  const order = requireOrder(state, data.orderId);
  switch (order.status) {
    case 'placed':
      return [
        {
          type: 'OrderPaid',
          data: { orderId: order.orderId, amount: order.total, paidAt: meta.issuedAt },
        },
      ];
    case 'paid':
    case 'shipped':
      throw new DomainError(`Order ${order.orderId} is already paid`);
    case 'cancelled':
      throw new DomainError(`Order ${order.orderId} was cancelled, so it cannot be paid`);
  }
};

const shipOrder = ({ data, meta }: ShopCommandOf<'ShipOrder'>, state: ShopState): ShopEvent[] => {
  const order = requireOrder(state, data.orderId);
  switch (order.status) {
    case 'paid':
      return [
        { type: 'OrderShipped', data: { orderId: order.orderId, shippedAt: meta.issuedAt } },
        ...stockMoves('StockShipped', order.orderId, order.lines),
      ];
    case 'placed':
      throw new DomainError(`Order ${order.orderId} is not paid yet, so it cannot ship`);
    case 'shipped':
      throw new DomainError(`Order ${order.orderId} has already shipped`);
    case 'cancelled':
      throw new DomainError(`Order ${order.orderId} was cancelled, so it cannot ship`);
  }
};

const cancelOrder = (
  { data, meta }: ShopCommandOf<'CancelOrder'>,
  state: ShopState,
): ShopEvent[] => {
  const order = requireOrder(state, data.orderId);
  switch (order.status) {
    case 'placed':
    case 'paid':
      return [
        { type: 'OrderCancelled', data: { orderId: order.orderId, cancelledAt: meta.issuedAt } },
        ...stockMoves('StockReleased', order.orderId, order.lines),
      ];
    case 'shipped':
      throw new DomainError(
        `Order ${order.orderId} has already shipped, so it cannot be cancelled`,
      );
    case 'cancelled':
      throw new DomainError(`Order ${order.orderId} is already cancelled`);
  }
};

export const decideShop = (command: ShopCommand, state: ShopState): ShopEvent[] => {
  switch (command.type) {
    case 'AddProduct':
      return addProduct(command, state);
    case 'ChangePrice':
      return changePrice(command, state);
    case 'Restock':
      return restock(command, state);
    case 'PlaceOrder':
      return placeOrder(command, state);
    case 'PayOrder':
      return payOrder(command, state);
    case 'ShipOrder':
      return shipOrder(command, state);
    case 'CancelOrder':
      return cancelOrder(command, state);
    default:
      return assertNever(command);
  }
};

/** The streams a command's rules read. Shipping and cancelling need only the order: its lines say
 * which stock moves, and the stock was reserved when it was placed. */
export const streamsOfShopCommand = (command: ShopCommand): string[] => {
  switch (command.type) {
    case 'AddProduct':
    case 'ChangePrice':
    case 'Restock':
      return [productStream(command.data.sku)];
    case 'PlaceOrder':
      return [
        orderStream(command.data.orderId),
        ...new Set(command.data.lines.map((line) => productStream(line.sku))),
      ];
    case 'PayOrder':
    case 'ShipOrder':
    case 'CancelOrder':
      return [orderStream(command.data.orderId)];
    default:
      return assertNever(command);
  }
};

export const combineShop = (parts: readonly ShopState[]): ShopState => ({
  products: Object.assign({}, ...parts.map((p) => p.products)) as ShopState['products'],
  orders: Object.assign({}, ...parts.map((p) => p.orders)) as ShopState['orders'],
});

export const shopDomain: WriteDomain<ShopState, ShopCommand, ShopEvent> = {
  initialState: initialShopState,
  decide: decideShop,
  evolve: evolveShop,
  streamOf: streamOfShopEvent,
  streamsOf: streamsOfShopCommand,
  combine: combineShop,
};

export { available, evolveShop, initialShopState };
export type { Order, Product, ShopState };

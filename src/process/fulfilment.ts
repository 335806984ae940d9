// Fulfilment with three consistency boundaries (issue 19, items 1 and 2): an order, the stock of a
// product, and the order's payment are separate aggregates, each deciding alone on its own stream.
// Nothing here reserves stock when an order is placed: the process manager (processManager.ts)
// joins the three by reacting to each one's events with commands to the next. Pure: no time, no ids
// but the ones the commands carry.
import { DomainError } from '../domain/types';

export type FulfilmentCommand =
  | { type: 'PlaceOrder'; orderId: string; sku: string; quantity: number; amountCents: number }
  | { type: 'ConfirmOrder'; orderId: string }
  | { type: 'CancelOrder'; orderId: string; reason: string }
  | { type: 'AddStock'; sku: string; quantity: number }
  | { type: 'ReserveStock'; sku: string; orderId: string; quantity: number }
  | { type: 'ReleaseStock'; sku: string; orderId: string }
  | { type: 'RequestPayment'; orderId: string; amountCents: number; dueAt: number }
  /** The payment provider's answer. */
  | { type: 'SettlePayment'; orderId: string; paid: boolean }
  /** The deadline passed with no answer (sent by the process manager on its virtual clock). */
  | { type: 'ExpirePayment'; orderId: string };

export type FulfilmentEvent =
  | { type: 'OrderPlaced'; orderId: string; sku: string; quantity: number; amountCents: number }
  | { type: 'OrderConfirmed'; orderId: string }
  | { type: 'OrderCancelled'; orderId: string; reason: string }
  | { type: 'StockAdded'; sku: string; quantity: number }
  | { type: 'StockReserved'; sku: string; orderId: string; quantity: number }
  | {
      type: 'ReservationRefused';
      sku: string;
      orderId: string;
      quantity: number;
      available: number;
    }
  | { type: 'StockReleased'; sku: string; orderId: string; quantity: number }
  | { type: 'PaymentRequested'; orderId: string; amountCents: number; dueAt: number }
  | { type: 'PaymentSucceeded'; orderId: string }
  | { type: 'PaymentFailed'; orderId: string }
  | { type: 'PaymentExpired'; orderId: string };

export const orderStreamOf = (orderId: string) => `order-${orderId}`;
export const stockStreamOf = (sku: string) => `stock-${sku}`;
export const paymentStreamOf = (orderId: string) => `payment-${orderId}`;

/** The one stream a command decides on: each aggregate decides alone. */
export const streamOfCommand = (command: FulfilmentCommand): string => {
  switch (command.type) {
    case 'PlaceOrder':
    case 'ConfirmOrder':
    case 'CancelOrder':
      return orderStreamOf(command.orderId);
    case 'AddStock':
    case 'ReserveStock':
    case 'ReleaseStock':
      return stockStreamOf(command.sku);
    case 'RequestPayment':
    case 'SettlePayment':
    case 'ExpirePayment':
      return paymentStreamOf(command.orderId);
  }
};

type OrderState = { phase: 'none' | 'placed' | 'confirmed' | 'cancelled' };
type StockState = { onHand: number; reservations: Record<string, number> };
type PaymentState = {
  phase: 'none' | 'requested' | 'succeeded' | 'failed' | 'expired';
  dueAt: number;
};

/** One stream's state, whichever aggregate it belongs to. */
export type StreamState = { order: OrderState; stock: StockState; payment: PaymentState };

export const emptyStream = (): StreamState => ({
  order: { phase: 'none' },
  stock: { onHand: 0, reservations: {} },
  payment: { phase: 'none', dueAt: 0 },
});

export const evolveStream = (state: StreamState, event: FulfilmentEvent): StreamState => {
  switch (event.type) {
    case 'OrderPlaced':
      return { ...state, order: { phase: 'placed' } };
    case 'OrderConfirmed':
      return { ...state, order: { phase: 'confirmed' } };
    case 'OrderCancelled':
      return { ...state, order: { phase: 'cancelled' } };
    case 'StockAdded':
      return { ...state, stock: { ...state.stock, onHand: state.stock.onHand + event.quantity } };
    case 'StockReserved':
      return {
        ...state,
        stock: {
          ...state.stock,
          reservations: { ...state.stock.reservations, [event.orderId]: event.quantity },
        },
      };
    case 'StockReleased': {
      const reservations = Object.fromEntries(
        Object.entries(state.stock.reservations).filter(([orderId]) => orderId !== event.orderId),
      );
      return { ...state, stock: { ...state.stock, reservations } };
    }
    case 'ReservationRefused':
      return state;
    case 'PaymentRequested':
      return { ...state, payment: { phase: 'requested', dueAt: event.dueAt } };
    case 'PaymentSucceeded':
      return { ...state, payment: { ...state.payment, phase: 'succeeded' } };
    case 'PaymentFailed':
      return { ...state, payment: { ...state.payment, phase: 'failed' } };
    case 'PaymentExpired':
      return { ...state, payment: { ...state.payment, phase: 'expired' } };
  }
};

/** Units of a product not held by any reservation. */
export const availableOf = (stock: StockState): number =>
  stock.onHand - Object.values(stock.reservations).reduce((sum, n) => sum + n, 0);

/** What one command decides on its stream's state alone. Throws DomainError when refused. */
export const decideFulfilment = (
  command: FulfilmentCommand,
  state: StreamState,
): FulfilmentEvent[] => {
  const { order, stock, payment } = state;
  switch (command.type) {
    case 'PlaceOrder':
      if (order.phase !== 'none') throw new DomainError(`Order ${command.orderId} already exists`);
      if (command.quantity < 1) throw new DomainError('An order needs at least one unit');
      return [{ ...command, type: 'OrderPlaced' }];
    case 'ConfirmOrder':
      if (order.phase !== 'placed')
        throw new DomainError(`Order ${command.orderId} is ${order.phase}: it cannot be confirmed`);
      return [{ type: 'OrderConfirmed', orderId: command.orderId }];
    case 'CancelOrder':
      if (order.phase !== 'placed')
        throw new DomainError(`Order ${command.orderId} is ${order.phase}: it cannot be cancelled`);
      return [{ type: 'OrderCancelled', orderId: command.orderId, reason: command.reason }];
    case 'AddStock':
      return [{ type: 'StockAdded', sku: command.sku, quantity: command.quantity }];
    case 'ReserveStock': {
      if (command.orderId in stock.reservations)
        throw new DomainError(`${command.sku} is already reserved for ${command.orderId}`);
      const available = availableOf(stock);
      return available >= command.quantity
        ? [
            {
              type: 'StockReserved',
              sku: command.sku,
              orderId: command.orderId,
              quantity: command.quantity,
            },
          ]
        : [
            {
              type: 'ReservationRefused',
              sku: command.sku,
              orderId: command.orderId,
              quantity: command.quantity,
              available,
            },
          ];
    }
    case 'ReleaseStock': {
      const quantity = stock.reservations[command.orderId];
      if (quantity === undefined)
        throw new DomainError(`${command.sku} holds no reservation for ${command.orderId}`);
      return [{ type: 'StockReleased', sku: command.sku, orderId: command.orderId, quantity }];
    }
    case 'RequestPayment':
      if (payment.phase !== 'none')
        throw new DomainError(`Payment for ${command.orderId} was already requested`);
      return [{ ...command, type: 'PaymentRequested' }];
    case 'SettlePayment':
      // The provider's answer counts only while the payment is still waiting for one.
      if (payment.phase !== 'requested')
        throw new DomainError(`Payment for ${command.orderId} is ${payment.phase}: too late`);
      return [
        { type: command.paid ? 'PaymentSucceeded' : 'PaymentFailed', orderId: command.orderId },
      ];
    case 'ExpirePayment':
      if (payment.phase !== 'requested')
        throw new DomainError(
          `Payment for ${command.orderId} is ${payment.phase}: nothing expires`,
        );
      return [{ type: 'PaymentExpired', orderId: command.orderId }];
  }
};

/** The stream an event is stored on. */
export const streamOfEvent = (event: FulfilmentEvent): string => {
  switch (event.type) {
    case 'OrderPlaced':
    case 'OrderConfirmed':
    case 'OrderCancelled':
      return orderStreamOf(event.orderId);
    case 'StockAdded':
    case 'StockReserved':
    case 'ReservationRefused':
    case 'StockReleased':
      return stockStreamOf(event.sku);
    case 'PaymentRequested':
    case 'PaymentSucceeded':
    case 'PaymentFailed':
    case 'PaymentExpired':
      return paymentStreamOf(event.orderId);
  }
};

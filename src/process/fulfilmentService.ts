// What the fulfilment worker offers: its write model (order, stock and payment, each deciding alone)
// on a log of its own, the learner's and the payment provider's commands, and a summary of every
// order as its three aggregates tell it. It tells whoever listens (the process manager) when the
// log grew.
import type { CommandResult } from '../eventstore/appendBatch';
import type { EventStoreDb } from '../eventstore';
import { createFulfilmentWriteModel } from './fulfilmentLog';
import type { Envelope } from './processManager';

export type OrderSummary = {
  orderId: string;
  sku: string;
  quantity: number;
  order: 'placed' | 'confirmed' | 'cancelled';
  stock: 'none' | 'held' | 'refused' | 'released';
  payment: 'none' | 'requested' | 'succeeded' | 'failed' | 'expired';
};

/** What the write model said to one command, as the page shows it. */
export type Answer = {
  commandId: string;
  kind: CommandResult['kind'];
  /** The events it appended (or had appended the first time, for a duplicate). */
  events: string[];
  reason?: string;
};

const answerOf = (result: CommandResult): Answer => ({
  commandId: result.commandId,
  kind: result.kind,
  events: 'events' in result ? result.events.map((e) => e.type) : [],
  ...(result.kind === 'rejected' ? { reason: result.reason } : {}),
  ...(result.kind === 'conflict' ? { reason: result.error.message } : {}),
});

export const createFulfilmentService = (
  db: EventStoreDb,
  {
    told = () => undefined,
    now = () => Date.now(),
  }: { told?: () => void; now?: () => number } = {},
) => {
  const writeModel = createFulfilmentWriteModel(db);

  const handle = async (envelope: Envelope): Promise<Answer> => {
    const result = await writeModel.handle(envelope, now());
    if (result.kind === 'appended') told();
    return answerOf(result);
  };

  const orders = async (): Promise<OrderSummary[]> => {
    const found = new Map<string, OrderSummary>();
    for (const { event } of await writeModel.all()) {
      if (event.type === 'StockAdded') continue;
      if (event.type === 'OrderPlaced') {
        const { orderId, sku, quantity } = event;
        found.set(orderId, {
          orderId,
          sku,
          quantity,
          order: 'placed',
          stock: 'none',
          payment: 'none',
        });
        continue;
      }
      const order = found.get(event.orderId);
      if (!order) continue;
      const change: Partial<OrderSummary> = {
        OrderConfirmed: { order: 'confirmed' as const },
        OrderCancelled: { order: 'cancelled' as const },
        StockReserved: { stock: 'held' as const },
        ReservationRefused: { stock: 'refused' as const },
        StockReleased: { stock: 'released' as const },
        PaymentRequested: { payment: 'requested' as const },
        PaymentSucceeded: { payment: 'succeeded' as const },
        PaymentFailed: { payment: 'failed' as const },
        PaymentExpired: { payment: 'expired' as const },
      }[event.type];
      found.set(event.orderId, { ...order, ...change });
    }
    return [...found.values()];
  };

  /** The learner places an order: numbered after the orders in the log. */
  const placeOrder = async (sku: string, quantity: number, amountCents: number) => {
    const orderId = `ORD-${String((await orders()).length + 1)}`;
    const answer = await handle({
      commandId: `ui-${orderId}`,
      command: { type: 'PlaceOrder', orderId, sku, quantity, amountCents },
    });
    return { orderId, answer };
  };

  /** The payment provider answers for an order: once (its id is the order's). */
  const settle = (orderId: string, paid: boolean) =>
    handle({ commandId: `provider-${orderId}`, command: { type: 'SettlePayment', orderId, paid } });

  const addStock = (sku: string, quantity: number, commandId: string) =>
    handle({ commandId, command: { type: 'AddStock', sku, quantity } });

  return { handle, read: writeModel.read, orders, placeOrder, settle, addStock };
};

export type FulfilmentService = ReturnType<typeof createFulfilmentService>;

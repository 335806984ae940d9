// Chapter 15's bench, as the chapter names it: its controls, and what the page reports to the
// chapter's check from what the fulfilment log and the process manager show.
import type { OrderSummary } from '../process/fulfilmentService';
import type { Sent } from '../process/managerService';

export const FULFILMENT_LABELS = {
  place: 'Place an order for 2 × SKU-1',
  pay: (orderId: string) => `Pay ${orderId}`,
  decline: (orderId: string) => `Decline ${orderId}`,
  clock: 'Move the clock on 1 minute',
  kill: 'Kill the process manager',
} as const;

/** The stock the chapter starts with. */
export const FULFILMENT_STOCK = { sku: 'SKU-1', quantity: 5 } as const;

/** What an order's three aggregates show, once its process has ended. */
export const orderActivity = (order: OrderSummary): string | null =>
  order.order === 'confirmed' && order.stock === 'held' && order.payment === 'succeeded'
    ? 'pm:confirmed'
    : order.order === 'cancelled' && order.stock === 'released'
      ? 'pm:compensated'
      : null;

/** A command the manager sent again after a restart, and the write model knew its id. */
export const isResent = (sent: Sent): boolean => sent.again && sent.answer.kind === 'duplicate';

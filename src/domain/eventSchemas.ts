// What a well-formed fact looks like, per event type: imported logs are checked against these
// before anything is stored (inside the core, events are trusted types).
import { z } from 'zod';
import { identifier, moneySchema, numberField, textField, wholeNumber } from './schemas';
import type { LabEvent } from './lab';

const sku = identifier('SKU', 'SKU-1');
const orderId = identifier('Order', 'ORD-1');
const accountId = identifier('Account', 'ACC-1');
const quantity = wholeNumber('Quantity', 1, 1_000_000);
const when = (label: string) =>
  z.iso.datetime({ offset: true, error: `${label} must be a date and time (ISO 8601)` });
const total = (label: string) =>
  numberField(label)
    .nonnegative(`${label} cannot be negative`)
    .max(1_000_000_000_000, `${label} is too large`);
const stockMove = z.object({ sku, orderId, quantity });
const transferLeg = z.object({
  transferId: identifier('Transfer', 'TRF-1'),
  from: accountId,
  to: accountId,
  amount: moneySchema('Amount'),
});

export const EVENT_DATA_SCHEMAS = {
  ProductAdded: z.object({
    sku,
    name: textField('Name', 100),
    price: moneySchema('Price'),
    stock: wholeNumber('Stock', 0, 1_000_000_000),
  }),
  PriceChanged: z.object({ sku, price: moneySchema('Price'), previousPrice: moneySchema('Price') }),
  ProductRestocked: z.object({ sku, quantity }),
  StockReserved: stockMove,
  StockReleased: stockMove,
  StockShipped: stockMove,
  OrderPlaced: z.object({
    orderId,
    lines: z
      .array(
        z.object({
          sku,
          name: textField('Name', 100),
          quantity,
          unitPrice: moneySchema('Unit price'),
        }),
      )
      .min(1, 'An order needs at least one line')
      .max(100, 'An order has at most 100 lines'),
    total: total('Total'),
    placedAt: when('Placed at'),
  }),
  OrderPaid: z.object({ orderId, amount: total('Amount'), paidAt: when('Paid at') }),
  OrderShipped: z.object({ orderId, shippedAt: when('Shipped at') }),
  OrderCancelled: z.object({ orderId, cancelledAt: when('Cancelled at') }),
  AccountOpened: z.object({
    accountId,
    owner: textField('Owner', 100),
    openedAt: when('Opened at'),
  }),
  MoneyDeposited: z.object({ accountId, amount: moneySchema('Amount') }),
  MoneyWithdrawn: z.object({ accountId, amount: moneySchema('Amount') }),
  TransferSent: transferLeg,
  TransferReceived: transferLeg,
} satisfies Record<LabEvent['type'], z.ZodType>;

export const isEventType = (type: string): type is LabEvent['type'] =>
  Object.hasOwn(EVENT_DATA_SCHEMAS, type);

// Log files bad in what their events say: event data, streams, and facts that cannot follow.
import { toLogFile } from '../logFile';
import {
  accountOpened,
  editLine,
  EXPORTED_AT,
  moneyDeposited,
  PLACED_AT,
  productAdded,
  stored,
  withData,
  withField,
  withMeta,
  type BadFile,
} from './logFileFixture';

const LONG = 'A'.repeat(10_000);

export const BAD_CONTENT: BadFile[] = [
  // Event data
  {
    name: 'data that is null',
    text: withField(2, 'data', null),
    line: 2,
    reason: /^ProductAdded: .*expected object, received null/,
  },
  {
    name: 'a sku with spaces',
    text: withData(2, { sku: 'SKU 1' }),
    line: 2,
    reason: /^ProductAdded: SKU may contain only letters, digits, - and _/,
  },
  {
    name: 'a sku of 10,000 characters',
    text: withData(2, { sku: LONG }),
    line: 2,
    reason: /SKU must be at most 32 characters/,
  },
  {
    name: 'a name of 10,000 characters',
    text: withData(2, { name: LONG }),
    line: 2,
    reason: /^ProductAdded: Name must be at most 100 characters$/,
  },
  {
    name: 'an empty name',
    text: withData(2, { name: '' }),
    line: 2,
    reason: /^ProductAdded: Name is required$/,
  },
  {
    name: 'a name of spaces only',
    text: withData(2, { name: '   ' }),
    line: 2,
    reason: /^ProductAdded: Name is required$/,
  },
  {
    name: 'price 0',
    text: withData(2, { price: 0 }),
    line: 2,
    reason: /^ProductAdded: Price must be greater than 0$/,
  },
  {
    name: 'a negative price',
    text: withData(2, { price: -12.5 }),
    line: 2,
    reason: /^ProductAdded: Price must be greater than 0$/,
  },
  {
    name: 'a price with 3 decimals',
    text: withData(2, { price: 12.345 }),
    line: 2,
    reason: /^ProductAdded: Price may have at most 2 decimal places$/,
  },
  {
    name: 'price 1e15',
    text: withData(2, { price: 1e15 }),
    line: 2,
    reason: /^ProductAdded: Price must be at most 1,000,000$/,
  },
  {
    name: 'a price that is a string',
    text: withData(2, { price: '12.50' }),
    line: 2,
    reason: /^ProductAdded: Price must be a number$/,
  },
  {
    name: 'a name that a bidirectional override shows reversed',
    text: withData(2, { name: '\u202Egum eulB' }),
    line: 2,
    reason: /^ProductAdded: Name may not contain invisible characters that reverse/,
  },
  {
    name: 'stock -1',
    text: withData(2, { stock: -1 }),
    line: 2,
    reason: /^ProductAdded: Stock cannot be negative$/,
  },
  {
    name: 'a fractional stock',
    text: withData(2, { stock: 2.5 }),
    line: 2,
    reason: /^ProductAdded: Stock must be a whole number$/,
  },
  {
    name: 'quantity 0',
    text: withData(4, { quantity: 0 }),
    line: 4,
    reason: /^StockReserved: Quantity must be at least 1$/,
  },
  {
    name: 'quantity "2" (a string)',
    text: withData(4, { quantity: '2' }),
    line: 4,
    reason: /^StockReserved: Quantity must be a number$/,
  },
  {
    name: 'quantity 1e9',
    text: withData(4, { quantity: 1e9 }),
    line: 4,
    reason: /^StockReserved: Quantity must be at most 1,000,000$/,
  },
  {
    name: 'an order with no lines',
    text: withData(3, { lines: [] }),
    line: 3,
    reason: /^OrderPlaced: An order needs at least one line$/,
  },
  {
    name: 'an order line with quantity 0',
    text: withData(3, { lines: [{ sku: 'SKU-1', name: 'Mug', quantity: 0, unitPrice: 12.5 }] }),
    line: 3,
    reason: /^OrderPlaced: Quantity must be at least 1$/,
  },
  {
    name: 'a placedAt that is not a date',
    text: withData(3, { placedAt: 'last Tuesday' }),
    line: 3,
    reason: /^OrderPlaced: Placed at must be a date and time/,
  },
  {
    name: 'a negative deposit',
    text: withData(6, { amount: -100 }),
    line: 6,
    reason: /^MoneyDeposited: Amount must be greater than 0$/,
  },
  {
    name: 'a negative payment',
    text: withData(7, { amount: -25 }),
    line: 7,
    reason: /^OrderPaid: Amount cannot be negative$/,
  },
  // Streams
  {
    name: 'a ProductAdded on another product’s stream',
    text: withField(2, 'streamId', 'product-SKU-2'),
    line: 2,
    reason: /^ProductAdded belongs to stream product-SKU-1, not product-SKU-2/,
  },
  {
    name: 'a deposit for another account on this account’s stream',
    text: withData(6, { accountId: 'ACC-2' }),
    line: 6,
    reason: /^MoneyDeposited belongs to stream account-ACC-2, not account-ACC-1/,
  },
  {
    name: 'an order event on a product stream',
    text: withField(3, 'streamId', 'product-SKU-1'),
    line: 3,
    reason: /OrderPlaced belongs to stream order-ORD-1, not product-SKU-1/,
  },
  // Facts that cannot follow the ones before them
  {
    name: 'a reservation of a product that does not exist',
    text: editLine(4, (row) => ({
      ...row,
      streamId: 'product-SKU-9',
      version: 1,
      data: { sku: 'SKU-9', orderId: 'ORD-1', quantity: 2 },
    })),
    line: 4,
    reason: /there is no product SKU-9 at this point/,
  },
  {
    name: 'a reservation of more than is available',
    text: withData(4, { quantity: 6 }),
    line: 4,
    reason: /SKU-1 would have -1 available and 6 reserved/,
  },
  {
    name: 'a second ProductAdded for the same sku',
    text: editLine(4, (row) => ({
      ...row,
      type: 'ProductAdded',
      data: productAdded('SKU-1').data,
    })),
    line: 4,
    reason: /product SKU-1 already exists/,
  },
  {
    name: 'a second AccountOpened for the same account',
    text: editLine(6, (row) => ({
      ...row,
      type: 'AccountOpened',
      data: accountOpened('ACC-1').data,
    })),
    line: 6,
    reason: /account ACC-1 already exists/,
  },
  {
    name: 'an OrderPaid for an unknown order',
    text: editLine(7, (row) => ({
      ...row,
      streamId: 'order-ORD-9',
      version: 1,
      data: { orderId: 'ORD-9', amount: 25, paidAt: PLACED_AT },
    })),
    line: 7,
    reason: /there is no order ORD-9 at this point/,
  },
  {
    name: 'a withdrawal of more than the balance',
    text: withData(8, { amount: 150 }),
    line: 8,
    reason: /ACC-1 would hold -50\.00/,
  },
  {
    name: 'a deposit before its AccountOpened',
    text: toLogFile(
      stored([
        { commandId: 'cmd-1', event: moneyDeposited('ACC-1', 100) },
        { commandId: 'cmd-2', event: accountOpened('ACC-1') },
      ]),
      EXPORTED_AT,
    ),
    line: 2,
    reason: /there is no account ACC-1 at this point/,
  },
  // Commands
  {
    name: 'a command id used again further on',
    text: withMeta(5, { commandId: 'cmd-1' }),
    line: 5,
    reason:
      /^command cmd-1 already appended the events up to line 2: a command's events come one after another, and a command id is never used twice$/,
  },
  {
    name: 'a command whose events are split by another one',
    text: withMeta(6, { commandId: 'cmd-2' }),
    line: 6,
    reason: /^command cmd-2 already appended the events up to line 4/,
  },
];

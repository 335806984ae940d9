// The valid log file the log file specs start from, and ways to spoil it one line at a time.
import { expect } from 'vitest';
import { labDomain, type LabEvent } from '../../domain/lab';
import { storedFacts } from '../../domain/testing/stored';
import type { StoredEvent } from '../../domain/types';
import { toLogFile, type LogCheck } from '../logFile';

export const EXPORTED_AT = '2026-02-01T12:00:00.000Z';
export const PLACED_AT = '2026-02-01T09:00:00.000Z';

type Fact = { commandId: string; event: LabEvent };

/** Stored events as the log holds them: positions 1, 2, …; each stream's versions 1, 2, … */
export const stored = (facts: readonly Fact[]): StoredEvent[] =>
  storedFacts(facts, labDomain.streamOf, (i) => `2026-02-01T10:00:0${String(i)}.000Z`);

export const productAdded = (sku: string, stock = 5, name = 'Mug'): LabEvent => ({
  type: 'ProductAdded',
  data: { sku, name, price: 12.5, stock },
});
export const orderPlaced = (orderId: string, sku: string): LabEvent => ({
  type: 'OrderPlaced',
  data: {
    orderId,
    lines: [{ sku, name: 'Mug', quantity: 2, unitPrice: 12.5 }],
    total: 25,
    placedAt: PLACED_AT,
  },
});
export const stockReserved = (sku: string, orderId: string): LabEvent => ({
  type: 'StockReserved',
  data: { sku, orderId, quantity: 2 },
});
export const accountOpened = (accountId: string): LabEvent => ({
  type: 'AccountOpened',
  data: { accountId, owner: 'Ada', openedAt: PLACED_AT },
});
export const moneyDeposited = (accountId: string, amount: number): LabEvent => ({
  type: 'MoneyDeposited',
  data: { accountId, amount },
});

/**
 * The valid log, with the file line each event is on (the header is line 1):
 *   2 ProductAdded SKU-1 (stock 5)       product-SKU-1 v1
 *   3 OrderPlaced ORD-1 (2 × SKU-1)      order-ORD-1 v1     ┐ one command
 *   4 StockReserved SKU-1 for ORD-1 (2)  product-SKU-1 v2   ┘
 *   5 AccountOpened ACC-1                account-ACC-1 v1
 *   6 MoneyDeposited ACC-1 100           account-ACC-1 v2
 *   7 OrderPaid ORD-1 25                 order-ORD-1 v2
 *   8 MoneyWithdrawn ACC-1 25            account-ACC-1 v3
 */
const VALID_FACTS: Fact[] = [
  { commandId: 'cmd-1', event: productAdded('SKU-1') },
  { commandId: 'cmd-2', event: orderPlaced('ORD-1', 'SKU-1') },
  { commandId: 'cmd-2', event: stockReserved('SKU-1', 'ORD-1') },
  { commandId: 'cmd-3', event: accountOpened('ACC-1') },
  { commandId: 'cmd-4', event: moneyDeposited('ACC-1', 100) },
  {
    commandId: 'cmd-5',
    event: { type: 'OrderPaid', data: { orderId: 'ORD-1', amount: 25, paidAt: PLACED_AT } },
  },
  {
    commandId: 'cmd-6',
    event: { type: 'MoneyWithdrawn', data: { accountId: 'ACC-1', amount: 25 } },
  },
];
export const VALID_EVENTS = stored(VALID_FACTS);
export const VALID_FILE = toLogFile(VALID_EVENTS, EXPORTED_AT);
export const VALID_LINES = VALID_FILE.split('\n');

type Json = Record<string, unknown>;

export const lineOf = (line: number): string => {
  const text = VALID_LINES[line - 1];
  if (text === undefined) throw new Error(`The valid file has no line ${String(line)}`);
  return text;
};

/** The valid file with one line (1-based) replaced by `text`. */
export const withLine = (line: number, text: string): string => {
  lineOf(line);
  return VALID_LINES.map((original, i) => (i === line - 1 ? text : original)).join('\n');
};

/** The valid file with one line's JSON object changed. */
export const editLine = (line: number, edit: (row: Json) => Json): string =>
  withLine(line, JSON.stringify(edit(JSON.parse(lineOf(line)) as Json)));

const without = (row: Json, key: string): Json =>
  Object.fromEntries(Object.entries(row).filter(([k]) => k !== key));

export const withField = (line: number, key: string, value: unknown) =>
  editLine(line, (row) => ({ ...row, [key]: value }));
export const withoutField = (line: number, key: string) =>
  editLine(line, (row) => without(row, key));
export const withData = (line: number, patch: Json) =>
  editLine(line, (row) => ({ ...row, data: { ...(row.data as Json), ...patch } }));
export const withMeta = (line: number, patch: Json) =>
  editLine(line, (row) => ({ ...row, meta: { ...(row.meta as Json), ...patch } }));
export const withoutMeta = (line: number, key: string) =>
  editLine(line, (row) => ({ ...row, meta: without(row.meta as Json, key) }));

export const refusalOf = (check: LogCheck) => {
  expect(check.ok).toBe(false);
  if (check.ok) throw new Error('The file was accepted');
  return check;
};

/** A file that is bad in one place, the line it is refused at (0: the whole file) and why. */
export type BadFile = { name: string; text: string; line: number; reason: RegExp };

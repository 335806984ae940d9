// The exported log file: what toLogFile writes, checkLogFile reads back unchanged; a file that is bad
// in any single place (header, envelope, position, version, event data, stream, or a fact that cannot
// follow the ones before it) is refused with the line it is on and why.
import { describe, expect, it } from 'vitest';
import { labDomain, type LabEvent } from '../domain/lab';
import { storedFacts } from '../domain/testing/stored';
import type { EventMeta, StoredEvent } from '../domain/types';
import { checkLogFile, toLogFile, type ImportBase, type LogCheck } from './logFile';
import { UNKNOWN_COMMAND } from './upcast';

const EXPORTED_AT = '2026-02-01T12:00:00.000Z';
const PLACED_AT = '2026-02-01T09:00:00.000Z';

type Fact = { commandId: string; event: LabEvent };

/** Stored events as the log holds them: positions 1, 2, …; each stream's versions 1, 2, … */
const stored = (facts: readonly Fact[]): StoredEvent[] =>
  storedFacts(facts, labDomain.streamOf, (i) => `2026-02-01T10:00:0${String(i)}.000Z`);

const productAdded = (sku: string, stock = 5, name = 'Mug'): LabEvent => ({
  type: 'ProductAdded',
  data: { sku, name, price: 12.5, stock },
});
const orderPlaced = (orderId: string, sku: string): LabEvent => ({
  type: 'OrderPlaced',
  data: {
    orderId,
    lines: [{ sku, name: 'Mug', quantity: 2, unitPrice: 12.5 }],
    total: 25,
    placedAt: PLACED_AT,
  },
});
const stockReserved = (sku: string, orderId: string): LabEvent => ({
  type: 'StockReserved',
  data: { sku, orderId, quantity: 2 },
});
const accountOpened = (accountId: string): LabEvent => ({
  type: 'AccountOpened',
  data: { accountId, owner: 'Ada', openedAt: PLACED_AT },
});
const moneyDeposited = (accountId: string, amount: number): LabEvent => ({
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
const VALID_EVENTS = stored(VALID_FACTS);
const VALID_FILE = toLogFile(VALID_EVENTS, EXPORTED_AT);
const VALID_LINES = VALID_FILE.split('\n');

type Json = Record<string, unknown>;

const lineOf = (line: number): string => {
  const text = VALID_LINES[line - 1];
  if (text === undefined) throw new Error(`The valid file has no line ${String(line)}`);
  return text;
};

/** The valid file with one line (1-based) replaced by `text`. */
const withLine = (line: number, text: string): string => {
  lineOf(line);
  return VALID_LINES.map((original, i) => (i === line - 1 ? text : original)).join('\n');
};

/** The valid file with one line's JSON object changed. */
const editLine = (line: number, edit: (row: Json) => Json): string =>
  withLine(line, JSON.stringify(edit(JSON.parse(lineOf(line)) as Json)));

const without = (row: Json, key: string): Json =>
  Object.fromEntries(Object.entries(row).filter(([k]) => k !== key));

const withField = (line: number, key: string, value: unknown) =>
  editLine(line, (row) => ({ ...row, [key]: value }));
const withoutField = (line: number, key: string) => editLine(line, (row) => without(row, key));
const withData = (line: number, patch: Json) =>
  editLine(line, (row) => ({ ...row, data: { ...(row.data as Json), ...patch } }));
const withMeta = (line: number, patch: Json) =>
  editLine(line, (row) => ({ ...row, meta: { ...(row.meta as Json), ...patch } }));
const withoutMeta = (line: number, key: string) =>
  editLine(line, (row) => ({ ...row, meta: without(row.meta as Json, key) }));

const refusalOf = (check: LogCheck) => {
  expect(check.ok).toBe(false);
  if (check.ok) throw new Error('The file was accepted');
  return check;
};

const LONG = 'A'.repeat(10_000);

type BadFile = { name: string; text: string; line: number; reason: RegExp };

const BAD_FILES: BadFile[] = [
  // The whole file
  { name: 'an empty file', text: '', line: 0, reason: /the file is empty/ },
  { name: 'a file of whitespace only', text: '  \n\t\n \n', line: 0, reason: /the file is empty/ },
  // The header
  {
    name: 'a header that is not JSON',
    text: withLine(1, 'cqrs-lab-log version 1'),
    line: 1,
    reason: /the first line is not JSON/,
  },
  {
    name: 'a header that is a JSON array',
    text: withLine(1, '["cqrs-lab-log", 1]'),
    line: 1,
    reason: /expected object, received array/,
  },
  {
    name: 'a header of another format',
    text: withField(1, 'format', 'other-log'),
    line: 1,
    reason: /^format: this is not a CQRS Lab log/,
  },
  {
    name: 'a header of another version',
    text: withField(1, 'version', 2),
    line: 1,
    reason: /^version: this app reads log files of version 1/,
  },
  {
    name: 'a header announcing fewer events than the file holds',
    text: withField(1, 'events', 6),
    line: 1,
    reason: /announces 6 events but the file holds 7/,
  },
  {
    name: 'a file missing its last event line',
    text: VALID_LINES.slice(0, -2).join('\n'),
    line: 1,
    reason: /announces 7 events but the file holds 6/,
  },
  // A line that is not an event envelope
  {
    name: 'a line that is not JSON',
    text: withLine(3, '{"position": 2,'),
    line: 3,
    reason: /not valid JSON/,
  },
  { name: 'a blank line between events', text: withLine(3, ''), line: 3, reason: /not valid JSON/ },
  {
    name: 'a line that is a JSON array',
    text: withLine(3, '[2]'),
    line: 3,
    reason: /^Invalid input: expected object, received array$/,
  },
  {
    name: 'a line that is a JSON number',
    text: withLine(3, '2'),
    line: 3,
    reason: /^Invalid input: expected object, received number$/,
  },
  {
    name: 'a line that is JSON null',
    text: withLine(3, 'null'),
    line: 3,
    reason: /^Invalid input: expected object, received null$/,
  },
  // Missing fields
  {
    name: 'a missing position',
    text: withoutField(3, 'position'),
    line: 3,
    reason: /^position: /,
  },
  {
    name: 'a missing streamId',
    text: withoutField(3, 'streamId'),
    line: 3,
    reason: /^streamId: /,
  },
  { name: 'a missing version', text: withoutField(3, 'version'), line: 3, reason: /^version: / },
  { name: 'a missing type', text: withoutField(3, 'type'), line: 3, reason: /^type: / },
  {
    name: 'missing data',
    text: withoutField(3, 'data'),
    line: 3,
    reason: /^data: /,
  },
  { name: 'missing meta', text: withoutField(3, 'meta'), line: 3, reason: /^meta: / },
  {
    name: 'a missing meta.commandId',
    text: withoutMeta(3, 'commandId'),
    line: 3,
    reason: /^meta\.commandId: /,
  },
  {
    name: 'a missing meta.recordedAt',
    text: withoutMeta(3, 'recordedAt'),
    line: 3,
    reason: /^meta\.recordedAt: /,
  },
  {
    name: 'a meta.recordedAt that is not a date',
    text: withMeta(3, { recordedAt: 'yesterday' }),
    line: 3,
    reason: /^meta\.recordedAt: Invalid ISO datetime/,
  },
  {
    name: 'meta.schemaVersion 99',
    text: withMeta(3, { schemaVersion: 99 }),
    line: 3,
    reason: /^meta\.schemaVersion: Too big/,
  },
  {
    name: 'a schema version 2 event without its meta.commandType',
    text: withoutMeta(3, 'commandType'),
    line: 3,
    reason: /^meta\.commandType: required from schema version 2 on$/,
  },
  {
    name: 'a meta.commandType that is not a string',
    text: withMeta(3, { commandType: 7 }),
    line: 3,
    reason: /^meta\.commandType: /,
  },
  // Positions
  {
    name: 'a position that is a string',
    text: withField(4, 'position', '3'),
    line: 4,
    reason: /^position: .*expected number, received string$/,
  },
  {
    name: 'a position "NaN"',
    text: withField(4, 'position', 'NaN'),
    line: 4,
    reason: /^position: .*expected number, received string$/,
  },
  {
    name: 'position 0',
    text: withField(2, 'position', 0),
    line: 2,
    reason: /^position: Too small/,
  },
  {
    name: 'a negative position',
    text: withField(4, 'position', -3),
    line: 4,
    reason: /^position: Too small/,
  },
  {
    name: 'a fractional position',
    text: withField(4, 'position', 2.5),
    line: 4,
    reason: /^position: .*expected int/,
  },
  {
    name: 'a gap in the positions',
    text: withField(4, 'position', 4),
    line: 4,
    reason: /position 4 should be 3 \(no gaps\)/,
  },
  {
    name: 'a duplicate position',
    text: withField(4, 'position', 2),
    line: 4,
    reason: /position 2 should be 3/,
  },
  // Versions
  { name: 'version 0', text: withField(4, 'version', 0), line: 4, reason: /^version: Too small/ },
  {
    name: 'a skipped version',
    text: withField(4, 'version', 3),
    line: 4,
    reason: /version 3 of product-SKU-1 should be 2/,
  },
  {
    name: 'a repeated version',
    text: withField(4, 'version', 1),
    line: 4,
    reason: /version 1 of product-SKU-1 should be 2/,
  },
  {
    name: 'a first version that is not 1',
    text: withField(5, 'version', 2),
    line: 5,
    reason: /version 2 of account-ACC-1 should be 1/,
  },
  {
    name: 'a fractional version',
    text: withField(4, 'version', 1.5),
    line: 4,
    reason: /^version: .*expected int/,
  },
  // Types
  {
    name: 'an unknown type',
    text: withField(2, 'type', 'ProductDeleted'),
    line: 2,
    reason: /unknown event type "ProductDeleted"/,
  },
  {
    name: 'a type in the wrong case',
    text: withField(2, 'type', 'productAdded'),
    line: 2,
    reason: /unknown event type "productAdded"/,
  },
  {
    name: 'a type of an inherited property',
    text: withField(2, 'type', 'toString'),
    line: 2,
    reason: /unknown event type "toString"/,
  },
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
];

describe('The log file', () => {
  describe('When a log is written and read back', () => {
    it('starts with a header naming the format, its version and how many events follow', () => {
      expect(JSON.parse(lineOf(1))).toEqual({
        format: 'cqrs-lab-log',
        version: 1,
        events: 7,
        exportedAt: EXPORTED_AT,
      });
      expect(VALID_LINES).toHaveLength(1 + 7 + 1);
      expect(VALID_FILE.endsWith('}\n')).toBe(true);
    });

    it('holds one event per line, oldest first', () => {
      expect(VALID_LINES.slice(1, -1).map((line) => JSON.parse(line) as unknown)).toEqual(
        VALID_EVENTS,
      );
    });

    it('is accepted with the same events and the number of streams they are on', () => {
      expect(checkLogFile(VALID_FILE)).toEqual({ ok: true, events: VALID_EVENTS, streams: 3 });
    });

    it('accepts a file written before schema version 2, its events upcast (command type unknown)', () => {
      const old = VALID_EVENTS.map((event) => {
        const meta: Partial<EventMeta> = { ...event.meta, schemaVersion: 1 };
        delete meta.commandType;
        return { ...event, meta };
      });
      const file = [lineOf(1), ...old.map((event) => JSON.stringify(event)), ''].join('\n');
      expect(checkLogFile(file)).toEqual({
        ok: true,
        events: VALID_EVENTS.map((event) => ({
          ...event,
          meta: { ...event.meta, commandType: UNKNOWN_COMMAND },
        })),
        streams: 3,
      });
    });

    it('accepts an empty log (a header announcing 0 events)', () => {
      expect(checkLogFile(toLogFile([], EXPORTED_AT))).toEqual({
        ok: true,
        events: [],
        streams: 0,
      });
    });

    it('accepts Windows line endings and trailing blank lines', () => {
      expect(checkLogFile(VALID_FILE.replaceAll('\n', '\r\n'))).toEqual({
        ok: true,
        events: VALID_EVENTS,
        streams: 3,
      });
      expect(checkLogFile(`${VALID_FILE}\n\n  \n`)).toEqual({
        ok: true,
        events: VALID_EVENTS,
        streams: 3,
      });
    });
  });

  describe('When a file is bad in one place', () => {
    it('has at least 45 cases to check', () => {
      expect(BAD_FILES.length).toBeGreaterThanOrEqual(45);
      expect(new Set(BAD_FILES.map((bad) => bad.name)).size).toBe(BAD_FILES.length);
    });

    it.each(
      BAD_FILES.map((bad) => ({
        ...bad,
        at: bad.line === 0 ? 'the whole file' : `line ${String(bad.line)}`,
      })),
    )('refuses $name, at $at', ({ text, line, reason }) => {
      const refusal = refusalOf(checkLogFile(text));
      expect(refusal.line).toBe(line);
      expect(refusal.reason).toMatch(reason);
    });
  });

  describe('When event data looks like markup', () => {
    it('accepts it as plain text, unchanged (text is data, not HTML)', () => {
      const name = '<img src=x onerror=alert(1)>';
      const check = checkLogFile(withData(2, { name }));
      expect(check.ok).toBe(true);
      if (!check.ok) throw new Error(check.reason);
      expect(check.events[0]?.data).toEqual({ sku: 'SKU-1', name, price: 12.5, stock: 5 });
      expect(check.events.slice(1)).toEqual(VALID_EVENTS.slice(1));
    });
  });

  describe('When a file is appended on top of a log', () => {
    /** The valid log, as if it were already in the event store. */
    const base: ImportBase = {
      state: VALID_EVENTS.reduce(
        (state, event) => labDomain.evolve(state, event as unknown as LabEvent),
        labDomain.initialState(),
      ),
      versions: new Map(VALID_EVENTS.map((event) => [event.streamId, event.version])),
    };

    const touchingSku1 = toLogFile(
      stored([
        { commandId: 'imp-1', event: accountOpened('ACC-2') },
        { commandId: 'imp-2', event: productAdded('SKU-1', 9) },
      ]),
      EXPORTED_AT,
    );

    it('refuses a file that brings events for a stream already in the log', () => {
      const refusal = refusalOf(checkLogFile(touchingSku1, base));
      expect(refusal.line).toBe(3);
      expect(refusal.reason).toMatch(/stream product-SKU-1 is already in your log/);
    });

    it('accepts the same file when it replaces the log instead', () => {
      const check = checkLogFile(touchingSku1);
      expect(check).toMatchObject({ ok: true, streams: 2 });
    });

    it('accepts a file that brings only new streams', () => {
      const events = stored([
        { commandId: 'imp-1', event: productAdded('SKU-2', 4, 'Plate') },
        { commandId: 'imp-2', event: orderPlaced('ORD-2', 'SKU-2') },
        { commandId: 'imp-2', event: stockReserved('SKU-2', 'ORD-2') },
        { commandId: 'imp-3', event: accountOpened('ACC-2') },
        { commandId: 'imp-4', event: moneyDeposited('ACC-2', 40) },
      ]);
      expect(checkLogFile(toLogFile(events, EXPORTED_AT), base)).toEqual({
        ok: true,
        events,
        streams: 3,
      });
    });
  });
});

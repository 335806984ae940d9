// Reading a stored row: a row in the shape the current code reads is an event (upcast, without the
// store's `command` mark); anything else becomes the placeholder that keeps its position.
import { describe, expect, it } from 'vitest';
import { parseEnvelope, parseLabEvent, readRow, type Parsed } from './storedRow';
import { isUnreadable, UNREADABLE } from './unreadable';
import { UNKNOWN_COMMAND } from './upcast';

const RECORDED_AT = '2026-02-01T10:00:00.000Z';

type Row = Record<string, unknown>;

const META = {
  commandId: 'cmd-1',
  correlationId: 'corr-1',
  causationId: 'cause-1',
  recordedAt: RECORDED_AT,
  schemaVersion: 2,
  commandType: 'AddProduct',
};

/** ProductAdded SKU-1 as the store holds it: the first event of its command, so it bears its mark. */
const PRODUCT_ADDED: Row = {
  position: 1,
  streamId: 'product-SKU-1',
  version: 1,
  type: 'ProductAdded',
  data: { sku: 'SKU-1', name: 'Mug', price: 12.5, stock: 5 },
  meta: META,
  command: 'cmd-1',
};

/** The event a reader gets from PRODUCT_ADDED: the same, without `command`. */
const EXPECTED_EVENT = {
  position: 1,
  streamId: 'product-SKU-1',
  version: 1,
  type: 'ProductAdded',
  data: { sku: 'SKU-1', name: 'Mug', price: 12.5, stock: 5 },
  meta: META,
};

/** The row from the bug report that crashed the app. */
const BUG_REPORT_ROW: Row = {
  position: 4,
  streamId: 'product-EVIL',
  version: 1,
  type: 'Bogus',
  data: {},
  meta: null,
};

const withRow = (patch: Row): Row => ({ ...PRODUCT_ADDED, ...patch });
const withMeta = (patch: Row): Row => ({ ...PRODUCT_ADDED, meta: { ...META, ...patch } });
const withoutCommandType = (schemaVersion: number): Row => {
  const meta: Row = { ...META, schemaVersion };
  delete meta.commandType;
  return { ...PRODUCT_ADDED, meta };
};

/** Why `parse` refuses `row` (fails the test if it reads it). */
const reasonOf = (parsed: Parsed): string => {
  if ('event' in parsed) throw new Error(`Expected a refusal, got ${JSON.stringify(parsed.event)}`);
  return parsed.reason;
};

describe('Reading a stored row', () => {
  describe('When the row is a well-formed lab event', () => {
    it('is read as that event, without the store’s command mark', () => {
      const parsed = parseLabEvent(PRODUCT_ADDED);
      expect(parsed).toStrictEqual({ event: EXPECTED_EVENT });
      expect(readRow(PRODUCT_ADDED, parseLabEvent)).toStrictEqual(EXPECTED_EVENT);
    });

    it('reads an event that bears no command mark the same way', () => {
      const unmarked: Row = { ...PRODUCT_ADDED };
      delete unmarked.command;
      expect(readRow(unmarked, parseLabEvent)).toStrictEqual(EXPECTED_EVENT);
    });

    it('upcasts a schema version 1 row: command type unknown, schema version 2', () => {
      const event = readRow(withoutCommandType(1), parseLabEvent);
      expect(event).toStrictEqual({
        ...EXPECTED_EVENT,
        meta: { ...META, commandType: UNKNOWN_COMMAND, schemaVersion: 2 },
      });
      expect(UNKNOWN_COMMAND).toBe('unknown');
    });

    it('keeps the command type a schema version 1 row happens to name', () => {
      const event = readRow(
        withMeta({ schemaVersion: 1, commandType: 'AddProduct' }),
        parseLabEvent,
      );
      expect(event.meta).toEqual({ ...META, commandType: 'AddProduct', schemaVersion: 2 });
    });
  });

  describe('When the row is not an event of the lab', () => {
    it('turns the row from the bug report (meta null) into a placeholder at its position', () => {
      const reason = reasonOf(parseLabEvent(BUG_REPORT_ROW));
      expect(reason).toMatch(/^meta: /);

      expect(readRow(BUG_REPORT_ROW, parseLabEvent)).toEqual({
        position: 4,
        streamId: 'product-EVIL',
        version: 1,
        type: UNREADABLE,
        data: { reason },
        meta: {
          commandId: '',
          correlationId: '',
          causationId: '',
          recordedAt: '',
          schemaVersion: 2,
          commandType: '',
        },
      });
    });

    it('names an unknown type when the envelope is fine', () => {
      const row = withRow({ type: 'Bogus', data: {} });
      expect(reasonOf(parseLabEvent(row))).toBe('unknown event type "Bogus"');

      const placeholder = readRow(row, parseLabEvent);
      expect(isUnreadable(placeholder)).toBe(true);
      expect(placeholder.data).toEqual({ reason: 'unknown event type "Bogus"' });
    });

    it('names the type and the field when the data fails its schema', () => {
      const row = withRow({ data: { sku: 'SKU-1', name: 'Mug', price: -1, stock: 5 } });
      expect(reasonOf(parseLabEvent(row))).toBe('ProductAdded: Price must be greater than 0');
      expect(readRow(row, parseLabEvent).data).toEqual({
        reason: 'ProductAdded: Price must be greater than 0',
      });
    });

    it('names the stream the type belongs to when it is in another', () => {
      const row = withRow({ streamId: 'product-SKU-2' });
      expect(reasonOf(parseLabEvent(row))).toBe(
        'ProductAdded belongs to stream product-SKU-1, not product-SKU-2',
      );
      expect(readRow(row, parseLabEvent)).toMatchObject({
        type: UNREADABLE,
        streamId: 'product-SKU-2',
        version: 1,
      });
    });

    it('refuses schema version 2 without a command type', () => {
      const row = withoutCommandType(2);
      expect(reasonOf(parseLabEvent(row))).toBe(
        'meta.commandType: required from schema version 2 on',
      );
      expect(reasonOf(parseEnvelope(row))).toBe(
        'meta.commandType: required from schema version 2 on',
      );
    });

    it('refuses a schema version newer than the code reads', () => {
      expect(reasonOf(parseLabEvent(withMeta({ schemaVersion: 3 })))).toMatch(
        /^meta\.schemaVersion: /,
      );
    });

    it('names the envelope field that is missing or wrong', () => {
      expect(reasonOf(parseLabEvent(withRow({ version: 0 })))).toMatch(/^version: /);
      expect(reasonOf(parseLabEvent(withMeta({ recordedAt: 'yesterday' })))).toMatch(
        /^meta\.recordedAt: /,
      );
    });

    it('turns a row that is not an object into a placeholder with no stream and version 0', () => {
      for (const row of ['garbage', null, 42, [1, 2]]) {
        const placeholder = readRow(row, parseLabEvent);
        expect(placeholder).toMatchObject({ type: UNREADABLE, streamId: '', version: 0 });
        expect(isUnreadable(placeholder)).toBe(true);
      }
    });
  });

  describe('When a placeholder is made', () => {
    it('keeps the position, a readable stream and a positive whole version', () => {
      expect(
        readRow({ position: 7, streamId: 'order-ORD-1', version: 3, meta: null }, parseLabEvent),
      ).toMatchObject({ position: 7, streamId: 'order-ORD-1', version: 3 });
    });

    it('drops a version that is not a positive whole number to 0', () => {
      const versionOf = (version: unknown) =>
        readRow({ ...BUG_REPORT_ROW, version }, parseLabEvent).version;
      expect(versionOf(1.5)).toBe(0);
      expect(versionOf(0)).toBe(0);
      expect(versionOf(-2)).toBe(0);
      expect(versionOf('2')).toBe(0);
      expect(versionOf(Number.NaN)).toBe(0);
      expect(versionOf(undefined)).toBe(0);
      expect(versionOf(2)).toBe(2);
    });

    it('drops a stream that is not text to ""', () => {
      expect(readRow({ ...BUG_REPORT_ROW, streamId: 42 }, parseLabEvent)).toMatchObject({
        position: 4,
        streamId: '',
        version: 1,
      });
    });
  });

  describe('When a log reads only the envelope (parseEnvelope, the default)', () => {
    it('accepts a type the lab does not know, which parseLabEvent refuses', () => {
      const row = withRow({ type: 'Bogus', data: { anything: true } });
      expect(parseEnvelope(row)).toStrictEqual({
        event: { ...EXPECTED_EVENT, type: 'Bogus', data: { anything: true } },
      });
      expect(isUnreadable(readRow(row, parseEnvelope))).toBe(false);
      expect(isUnreadable(readRow(row, parseLabEvent))).toBe(true);
    });

    it('still refuses a broken envelope, such as meta null', () => {
      expect(reasonOf(parseEnvelope(BUG_REPORT_ROW))).toMatch(/^meta: /);
      expect(readRow(BUG_REPORT_ROW, parseEnvelope)).toMatchObject({
        position: 4,
        type: UNREADABLE,
      });
    });
  });
});

// Exporting a log that holds rows the code cannot read: the file holds the readable events alone,
// numbered again (positions 1, 2, 3…; each stream's versions 1, 2, 3…), so an import accepts it.
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../domain/types';
import { checkLogFile, readableEvents, toLogFile } from './logFile';
import {
  EXPORTED_AT,
  productAdded,
  stored,
  VALID_EVENTS,
  VALID_FILE,
} from './testing/logFileFixture';
import { unreadable } from './unreadable';

const placeholder = (position: number, streamId: string, version: number): StoredEvent =>
  unreadable({ position, streamId, version, meta: null }, 'meta: expected object, received null');

const restocked = (sku: string, quantity: number) =>
  ({ type: 'ProductRestocked', data: { sku, quantity } }) as const;

/** The log without its unreadable row: SKU-1 v1, SKU-2 v1, SKU-1 v2, SKU-2 v2, SKU-1 v3. */
const READABLE = stored([
  { commandId: 'cmd-1', event: productAdded('SKU-1') },
  { commandId: 'cmd-2', event: productAdded('SKU-2') },
  { commandId: 'cmd-3', event: restocked('SKU-1', 3) },
  { commandId: 'cmd-4', event: restocked('SKU-2', 4) },
  { commandId: 'cmd-5', event: restocked('SKU-1', 6) },
]);

const at = (i: number): StoredEvent => {
  const event = READABLE[i];
  if (!event) throw new Error(`READABLE has no event ${String(i)}`);
  return event;
};

/**
 * The same log as stored, an unreadable row at #3 holding product-SKU-1 v2:
 *   1 ProductAdded SKU-1     product-SKU-1 v1
 *   2 ProductAdded SKU-2     product-SKU-2 v1
 *   3 (unreadable)           product-SKU-1 v2
 *   4 ProductRestocked SKU-1 product-SKU-1 v3
 *   5 ProductRestocked SKU-2 product-SKU-2 v2
 *   6 ProductRestocked SKU-1 product-SKU-1 v4
 */
const WITH_PLACEHOLDER: StoredEvent[] = [
  at(0),
  at(1),
  placeholder(3, 'product-SKU-1', 2),
  { ...at(2), position: 4, version: 3 },
  { ...at(3), position: 5 },
  { ...at(4), position: 6, version: 4 },
];

/** ProductAdded SKU-1 at #1 and ProductAdded SKU-2 at #2, each on a stream of its own. */
const twoProducts = (): [StoredEvent, StoredEvent] => {
  const [first, second] = stored([
    { commandId: 'cmd-1', event: productAdded('SKU-1') },
    { commandId: 'cmd-2', event: productAdded('SKU-2') },
  ]);
  if (!first || !second) throw new Error('stored() returned too few events');
  return [first, second];
};

const positionsAndVersions = (events: readonly StoredEvent[]) =>
  events.map((e) => [e.position, e.streamId, e.version]);

describe('The readable events of a log', () => {
  describe('When the log holds no unreadable row', () => {
    it('is the log unchanged: same events, positions and versions', () => {
      const events = readableEvents(VALID_EVENTS);
      expect(events).toEqual(VALID_EVENTS);
      expect(events).not.toBe(VALID_EVENTS);
      expect(toLogFile(VALID_EVENTS, EXPORTED_AT)).toBe(VALID_FILE);
    });

    it('is empty for an empty log', () => {
      expect(readableEvents([])).toEqual([]);
    });
  });

  describe('When an unreadable row holds a version of a stream', () => {
    it('leaves it out and numbers positions 1..n and each stream’s versions 1..k again', () => {
      const events = readableEvents(WITH_PLACEHOLDER);

      expect(positionsAndVersions(events)).toEqual([
        [1, 'product-SKU-1', 1],
        [2, 'product-SKU-2', 1],
        [3, 'product-SKU-1', 2],
        [4, 'product-SKU-2', 2],
        [5, 'product-SKU-1', 3],
      ]);
      expect(events).toEqual(READABLE);
    });

    it('does not change the log it was given', () => {
      const before = structuredClone(WITH_PLACEHOLDER);
      readableEvents(WITH_PLACEHOLDER);
      expect(WITH_PLACEHOLDER).toEqual(before);
    });

    it('writes a file that an import accepts, with the readable events alone', () => {
      const file = toLogFile(WITH_PLACEHOLDER, EXPORTED_AT);

      expect(JSON.parse(file.split('\n')[0] ?? '')).toMatchObject({ events: 5 });
      expect(file).not.toContain('Unreadable');
      expect(checkLogFile(file)).toEqual({ ok: true, events: READABLE, streams: 2 });
    });
  });

  describe('When the unreadable rows say no stream', () => {
    it('numbers the positions again and leaves the versions as they are', () => {
      const log = [
        placeholder(1, '', 0),
        { ...at(0), position: 2 },
        unreadable('garbage', 'not an object'),
        { ...at(1), position: 4 },
      ];
      expect(positionsAndVersions(readableEvents(log))).toEqual([
        [1, 'product-SKU-1', 1],
        [2, 'product-SKU-2', 1],
      ]);
    });
  });

  describe('When two products sit either side of an unreadable row', () => {
    it('exports them as a log of two events that passes the import check', () => {
      const [first, second] = twoProducts();
      const log = [first, placeholder(2, 'product-SKU-9', 1), { ...second, position: 3 }];

      const file = toLogFile(log, EXPORTED_AT);

      expect(file.split('\n')).toHaveLength(1 + 2 + 1);
      expect(checkLogFile(file)).toEqual({ ok: true, events: [first, second], streams: 2 });
    });

    it('would be refused by the import check if the placeholder were written as it is', () => {
      const [first, second] = twoProducts();
      const log = [first, placeholder(2, 'product-SKU-9', 1), { ...second, position: 3 }];
      const raw = [
        JSON.stringify({ format: 'cqrs-lab-log', version: 1, events: 3, exportedAt: EXPORTED_AT }),
        ...log.map((event) => JSON.stringify(event)),
      ].join('\n');

      expect(checkLogFile(raw)).toMatchObject({ ok: false, line: 3 });
    });
  });
});

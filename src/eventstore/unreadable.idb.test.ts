// A stored row the code cannot read, against a real (in-memory) IndexedDB: every reader passes it as
// its placeholder (positions stay contiguous), a stream's fold leaves it out, the page hears of it,
// the learner can remove it (the rows after it move up), and appends go on after it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DomainEvent } from '../domain/types';
import {
  append,
  EventStoreDb,
  headPosition,
  logIdentity,
  parseLabEvent,
  readAll,
  readLog,
  readStream,
  removeUnreadable,
  RewindError,
  UNREADABLE,
  type EventRow,
  type UnreadableEvent,
} from '.';
import {
  meta,
  positionsOf,
  productAdded,
  rejectionOf,
  stockReserved,
  toStream,
} from './testing/eventStoreFixture';

const RECORDED_AT = '2026-02-01T10:00:00.000Z';

const openDbs: EventStoreDb[] = [];

/** The lab's log, as a worker opens it, in a database of its own for each test. */
const open = () => {
  const heard = vi.fn<(event: UnreadableEvent) => void>();
  const db = new EventStoreDb(`test-${crypto.randomUUID()}`, {
    parse: parseLabEvent,
    onUnreadable: heard,
  });
  openDbs.push(db);
  return { db, heard };
};

afterEach(async () => {
  const names = new Set(openDbs.map((db) => db.name));
  for (const db of openDbs.splice(0)) db.close();
  for (const name of names) await new EventStoreDb(name).delete();
});

/** A row as an append stores it, its command's mark on it. */
const row = (
  position: number,
  streamId: string,
  version: number,
  event: DomainEvent,
  commandId: string,
): EventRow => ({
  ...event,
  position,
  streamId,
  version,
  meta: {
    commandId,
    correlationId: commandId,
    causationId: commandId,
    recordedAt: RECORDED_AT,
    schemaVersion: 2,
    commandType: 'Test',
  },
  command: commandId,
});

/** A row something else left in the store: meta null, as in the bug report. */
const badRow = (position: number, streamId: string, version: number) => ({
  position,
  streamId,
  version,
  type: 'Bogus',
  data: {},
  meta: null,
});

/**
 *   1 ProductAdded SKU-1          product-SKU-1 v1
 *   2 ProductAdded SKU-2          product-SKU-2 v1
 *   3 (unreadable: meta null)     product-SKU-1 v2
 *   4 StockReserved SKU-1 ORD-1   product-SKU-1 v3
 *   5 StockReserved SKU-2 ORD-2   product-SKU-2 v2
 */
const givenABadRowInTheMiddle = async (db: EventStoreDb) => {
  await db.events.bulkPut([
    row(1, 'product-SKU-1', 1, productAdded('SKU-1'), 'c1'),
    row(2, 'product-SKU-2', 1, productAdded('SKU-2'), 'c2'),
    badRow(3, 'product-SKU-1', 2) as unknown as EventRow,
    row(4, 'product-SKU-1', 3, stockReserved('SKU-1', 'ORD-1'), 'c3'),
    row(5, 'product-SKU-2', 2, stockReserved('SKU-2', 'ORD-2'), 'c4'),
  ]);
};

/** The rows as stored: position, stream, version, type and command mark. */
const storedRows = async (db: EventStoreDb) =>
  (await db.events.toArray()).map((r) => [r.position, r.streamId, r.version, r.type, r.command]);

describe('A row the code cannot read', () => {
  describe('When the log is read', () => {
    it('is a placeholder at its position in readAll, between contiguous positions', async () => {
      const { db } = open();
      await givenABadRowInTheMiddle(db);

      const events = await readAll(db);

      expect(positionsOf(events)).toEqual([1, 2, 3, 4, 5]);
      expect(events.map((e) => e.type)).toEqual([
        'ProductAdded',
        'ProductAdded',
        UNREADABLE,
        'StockReserved',
        'StockReserved',
      ]);
      expect(events[2]).toMatchObject({
        position: 3,
        streamId: 'product-SKU-1',
        version: 2,
        data: { reason: expect.stringMatching(/^meta: /) as unknown },
      });
      expect(events[3]).not.toHaveProperty('command');
    });

    it('is passed by a reader that starts at it or pages across it', async () => {
      const { db } = open();
      await givenABadRowInTheMiddle(db);

      expect(positionsOf(await readAll(db, { fromPosition: 3, limit: 2 }))).toEqual([3, 4]);
      expect(positionsOf(await readLog(db, 2))).toEqual([1, 2, 3, 4, 5]);
    });

    it('is in the whole log that readLog returns', async () => {
      const { db } = open();
      await givenABadRowInTheMiddle(db);

      const log = await readLog(db);

      expect(log).toHaveLength(5);
      expect(log).toEqual(await readAll(db));
      expect(log[2]?.type).toBe(UNREADABLE);
    });

    it('is left out of its stream, which keeps its readable events', async () => {
      const { db } = open();
      await givenABadRowInTheMiddle(db);

      const sku1 = await readStream(db, 'product-SKU-1');
      const sku2 = await readStream(db, 'product-SKU-2');

      expect(sku1.map((e) => [e.position, e.version, e.type])).toEqual([
        [1, 1, 'ProductAdded'],
        [4, 3, 'StockReserved'],
      ]);
      expect(sku2.map((e) => [e.position, e.version])).toEqual([
        [2, 1],
        [5, 2],
      ]);
    });

    it('is told to onUnreadable, as its placeholder, each time it is read', async () => {
      const { db, heard } = open();
      await givenABadRowInTheMiddle(db);

      const events = await readAll(db);

      expect(heard).toHaveBeenCalledTimes(1);
      expect(heard).toHaveBeenCalledWith(events[2]);
      expect(heard.mock.calls[0]?.[0]).toMatchObject({
        position: 3,
        streamId: 'product-SKU-1',
        version: 2,
        type: UNREADABLE,
      });

      await readStream(db, 'product-SKU-1');
      expect(heard).toHaveBeenCalledTimes(2);

      await readStream(db, 'product-SKU-2');
      await readAll(db, { fromPosition: 4 });
      expect(heard).toHaveBeenCalledTimes(2);
    });

    it('is not told of when every row is readable', async () => {
      const { db, heard } = open();
      await append(db, [toStream('product-SKU-1', 'no-stream', productAdded('SKU-1'))], meta());

      await readLog(db);

      expect(heard).not.toHaveBeenCalled();
    });
  });

  describe('When the learner removes it', () => {
    it('moves the later rows up one position, and one version in its own stream only', async () => {
      const { db } = open();
      await givenABadRowInTheMiddle(db);

      expect(await removeUnreadable(db, 3)).toBe(4);

      expect(await storedRows(db)).toEqual([
        [1, 'product-SKU-1', 1, 'ProductAdded', 'c1'],
        [2, 'product-SKU-2', 1, 'ProductAdded', 'c2'],
        [3, 'product-SKU-1', 2, 'StockReserved', 'c3'],
        [4, 'product-SKU-2', 2, 'StockReserved', 'c4'],
      ]);
      const events = await readAll(db);
      expect(events.some((e) => e.type === UNREADABLE)).toBe(false);
      expect(events[2]?.data).toEqual({ sku: 'SKU-1', orderId: 'ORD-1', quantity: 1 });
      expect((await readStream(db, 'product-SKU-1')).map((e) => e.version)).toEqual([1, 2]);
      expect(await headPosition(db)).toBe(4);
    });

    it('gives the log a new mark, so every copy of it is read again', async () => {
      const { db } = open();
      await givenABadRowInTheMiddle(db);
      const before = await logIdentity(db);

      await removeUnreadable(db, 3);
      const after = await logIdentity(db);

      expect(before.head).toBe(5);
      expect(after.head).toBe(4);
      expect(after.mark).not.toBe(before.mark);
    });

    it('changes no version when the row says no stream', async () => {
      const { db } = open();
      await db.events.bulkPut([
        row(1, 'product-SKU-1', 1, productAdded('SKU-1'), 'c1'),
        { position: 2, junk: true } as unknown as EventRow,
        row(3, 'product-SKU-1', 2, stockReserved('SKU-1', 'ORD-1'), 'c2'),
      ]);
      expect((await readAll(db)).map((e) => [e.position, e.type, e.streamId, e.version])).toEqual([
        [1, 'ProductAdded', 'product-SKU-1', 1],
        [2, UNREADABLE, '', 0],
        [3, 'StockReserved', 'product-SKU-1', 2],
      ]);

      expect(await removeUnreadable(db, 2)).toBe(2);

      expect(await storedRows(db)).toEqual([
        [1, 'product-SKU-1', 1, 'ProductAdded', 'c1'],
        [2, 'product-SKU-1', 2, 'StockReserved', 'c2'],
      ]);
    });

    it('removes it at the head, leaving the rows before it as they were', async () => {
      const { db } = open();
      await db.events.bulkPut([
        row(1, 'product-SKU-1', 1, productAdded('SKU-1'), 'c1'),
        badRow(2, 'product-SKU-1', 2) as unknown as EventRow,
      ]);

      expect(await removeUnreadable(db, 2)).toBe(1);

      expect(await storedRows(db)).toEqual([[1, 'product-SKU-1', 1, 'ProductAdded', 'c1']]);
    });

    it('refuses a readable row and changes nothing', async () => {
      const { db } = open();
      await givenABadRowInTheMiddle(db);
      const rows = await db.events.toArray();
      const identity = await logIdentity(db);

      const error = await rejectionOf(removeUnreadable(db, 4));

      expect(error).toBeInstanceOf(RewindError);
      expect(String(error)).toContain(
        'Event #4 is readable: only a row the app cannot read can be removed',
      );
      expect(await db.events.toArray()).toEqual(rows);
      expect(await logIdentity(db)).toEqual(identity);
    });

    it('refuses a position the log does not hold and changes nothing', async () => {
      const { db } = open();
      await givenABadRowInTheMiddle(db);
      const rows = await db.events.toArray();
      const identity = await logIdentity(db);

      const error = await rejectionOf(removeUnreadable(db, 9));

      expect(error).toBeInstanceOf(RewindError);
      expect(String(error)).toContain('There is no event #9 in the log');
      expect(await db.events.toArray()).toEqual(rows);
      expect(await logIdentity(db)).toEqual(identity);
    });
  });

  describe('When it is at the head and a command appends', () => {
    it('appends after it, at head + 1, and its stream’s next version follows it', async () => {
      const { db } = open();
      await db.events.bulkPut([
        row(1, 'product-SKU-1', 1, productAdded('SKU-1'), 'c1'),
        badRow(2, 'product-SKU-1', 2) as unknown as EventRow,
      ]);

      const other = await append(
        db,
        [toStream('product-SKU-2', 'no-stream', productAdded('SKU-2'))],
        meta(),
      );
      const same = await append(
        db,
        [toStream('product-SKU-1', 2, stockReserved('SKU-1', 'ORD-1'))],
        meta(),
      );

      expect(other.events.map((e) => [e.position, e.streamId, e.version])).toEqual([
        [3, 'product-SKU-2', 1],
      ]);
      expect(same.events.map((e) => [e.position, e.streamId, e.version])).toEqual([
        [4, 'product-SKU-1', 3],
      ]);
      expect((await readAll(db)).map((e) => e.type)).toEqual([
        'ProductAdded',
        UNREADABLE,
        'ProductAdded',
        'StockReserved',
      ]);
    });
  });
});

// Idempotent retries against a real (in-memory) IndexedDB: a command id seen before appends nothing
// and gets its first answer again, from any tab.
import { describe, expect, it } from 'vitest';
import { append, headPosition, readAll } from '.';
import {
  appendedCommands,
  databasesPerTest,
  meta,
  orderPlaced,
  positionsOf,
  productAdded,
  stockReserved,
  toStream,
} from './testing/eventStoreFixture';

const open = databasesPerTest();

describe('Event store', () => {
  describe('When a command id has been appended before', () => {
    it('appends nothing and returns the first events, marked duplicate', async () => {
      const db = open();
      await append(db, [toStream('product-A', 'no-stream', productAdded('A'))], meta());
      const once = meta({ commandId: 'cmd-once' });
      const first = await append(
        db,
        [
          toStream('order-o1', 'no-stream', orderPlaced('o1')),
          toStream('product-A', 1, stockReserved('A', 'o1')),
        ],
        once,
      );

      const again = await append(
        db,
        [
          toStream('order-o1', 'any', orderPlaced('o1')),
          toStream('product-A', 'any', stockReserved('A', 'o1')),
        ],
        { ...once, recordedAt: '2025-03-01T11:00:00.000Z' },
      );

      expect(first.duplicate).toBe(false);
      expect(again.duplicate).toBe(true);
      expect(again.events).toEqual(first.events);
      expect(positionsOf(await readAll(db))).toEqual([1, 2, 3]);
      expect([...(await appendedCommands(db)).values()]).toEqual([[1], [2, 3]]);
    });

    it('does not check expected versions, so a stale retry still gets its first answer', async () => {
      const db = open();
      const once = meta({ commandId: 'cmd-stale' });
      const first = await append(db, [toStream('product-A', 'no-stream', productAdded('A'))], once);
      await append(db, [toStream('product-A', 1, stockReserved('A', 'o1'))], meta());

      const again = await append(db, [toStream('product-A', 'no-stream', productAdded('A'))], once);

      expect(again).toEqual({ events: first.events, duplicate: true });
      expect(await headPosition(db)).toBe(2);
    });

    it('is recognised by another tab on the same database', async () => {
      const tab1 = open();
      const tab2 = open(tab1.name);
      const once = meta({ commandId: 'cmd-two-tabs' });
      const first = await append(
        tab1,
        [toStream('product-A', 'no-stream', productAdded('A'))],
        once,
      );

      const again = await append(
        tab2,
        [toStream('product-A', 'no-stream', productAdded('A'))],
        once,
      );

      expect(again).toEqual({ events: first.events, duplicate: true });
      expect(await headPosition(tab2)).toBe(1);
    });

    it('appends once when the same command is sent twice at the same time from two tabs', async () => {
      const tab1 = open();
      const tab2 = open(tab1.name);
      const once = meta({ commandId: 'cmd-simultaneous' });
      const streams = [toStream('product-A', 'any', productAdded('A'))];

      const [a, b] = await Promise.all([append(tab1, streams, once), append(tab2, streams, once)]);

      expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
      expect(a.events).toEqual(b.events);
      expect(positionsOf(await readAll(tab1))).toEqual([1]);
    });
  });
});

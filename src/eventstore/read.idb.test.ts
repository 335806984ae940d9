// Reading the event log against a real (in-memory) IndexedDB: the empty log, one stream by version,
// the whole log by position, a page at a time.
import { describe, expect, it } from 'vitest';
import { append, headPosition, readAll, readLog, readStream, streamVersion } from '.';
import {
  databasesPerTest,
  givenTwoProductStreams,
  meta,
  positionsOf,
  productAdded,
  toStream,
} from './testing/eventStoreFixture';

const open = databasesPerTest();

describe('Event store', () => {
  describe('When the log is empty', () => {
    it('has head position 0 and every stream is at version 0', async () => {
      const db = open();
      expect(await headPosition(db)).toBe(0);
      expect(await streamVersion(db, 'product-A')).toBe(0);
      expect(await readAll(db)).toEqual([]);
      expect(await readStream(db, 'product-A')).toEqual([]);
    });
  });

  describe('When reading one stream', () => {
    it('starts at fromVersion and stops at toVersion, both inclusive', async () => {
      const db = open();
      await givenTwoProductStreams(db);

      const versions = async (options: { fromVersion?: number; toVersion?: number }) =>
        (await readStream(db, 'product-A', options)).map((e) => e.version);

      expect(await versions({ fromVersion: 2 })).toEqual([2, 3]);
      expect(await versions({ toVersion: 2 })).toEqual([1, 2]);
      expect(await versions({ fromVersion: 2, toVersion: 2 })).toEqual([2]);
      expect(await versions({ fromVersion: 4 })).toEqual([]);
    });

    it('never returns events of another stream', async () => {
      const db = open();
      await givenTwoProductStreams(db);
      await append(db, [toStream('product-AB', 'no-stream', productAdded('AB'))], meta());

      const streams = (await readStream(db, 'product-A')).map((e) => e.streamId);
      expect(streams).toEqual(['product-A', 'product-A', 'product-A']);
    });
  });

  describe('When reading the whole log', () => {
    it('includes the event at fromPosition', async () => {
      const db = open();
      await givenTwoProductStreams(db);
      expect(positionsOf(await readAll(db, { fromPosition: 3 }))).toEqual([3, 4, 5]);
    });

    it('returns at most limit events, in log order', async () => {
      const db = open();
      await givenTwoProductStreams(db);
      expect(positionsOf(await readAll(db, { fromPosition: 2, limit: 2 }))).toEqual([2, 3]);
      expect(positionsOf(await readAll(db, { limit: 3 }))).toEqual([1, 2, 3]);
    });

    it('reads all of it page by page with readLog, even when the pages divide it exactly', async () => {
      const db = open();
      await givenTwoProductStreams(db);
      expect(positionsOf(await readLog(db, 2))).toEqual([1, 2, 3, 4, 5]);
      expect(positionsOf(await readLog(db, 5))).toEqual([1, 2, 3, 4, 5]);
      expect(await readLog(open())).toEqual([]);
    });

    it('returns nothing from beyond the head', async () => {
      const db = open();
      await givenTwoProductStreams(db);
      expect(await readAll(db, { fromPosition: 6 })).toEqual([]);
    });

    it('can be paged through with head + 1 as the next fromPosition', async () => {
      const db = open();
      await givenTwoProductStreams(db);
      const pages: number[][] = [];
      for (let from = 1; ;) {
        const page = await readAll(db, { fromPosition: from, limit: 2 });
        if (page.length === 0) break;
        pages.push(positionsOf(page));
        from = (page.at(-1)?.position ?? 0) + 1;
      }
      expect(pages).toEqual([[1, 2], [3, 4], [5]]);
    });
  });
});

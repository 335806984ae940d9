// The read store against a real (in-memory) IndexedDB, holding records it cannot read: a checkpoint
// that is not a log position, a panel record that is not a list of keys and a count, a row that
// fails its view's check. Each read of one says so (UnreadableStoreError) instead of trusting it.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  readAllRows,
  readCheckpoint,
  readRows,
  readScreen,
  ReadStoreDb,
  UnreadableStoreError,
  type ScreenRecord,
} from './readStoreDb';

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

type Count = { count: number };

/** Rows are `{ count }` with a whole count; anything else is not one of them. */
const countCheck = (value: unknown): string | undefined =>
  typeof value === 'object' && value !== null && Number.isInteger((value as Partial<Count>).count)
    ? undefined
    : 'count: not a whole number';

const freshStore = (check?: (value: unknown) => string | undefined) => {
  const db = new ReadStoreDb(`read-${crypto.randomUUID()}`, check);
  opened.push(db);
  return db;
};

/** Stores a checkpoint record as another version of the lab (or a broken tab) might have. */
const storeCheckpoint = (db: ReadStoreDb, position: unknown) =>
  db.checkpoint.put({ id: 'checkpoint', position } as { id: 'checkpoint'; position: number });

const storeScreen = (db: ReadStoreDb, record: Record<string, unknown>) =>
  db.screen.put({ id: 'screen', ...record } as ScreenRecord);

describe('The read store, reading records it cannot trust', () => {
  describe('Its checkpoint', () => {
    it('is 0 when none was stored', async () => expect(await readCheckpoint(freshStore())).toBe(0));

    it('is the stored position when it is one', async () => {
      const db = freshStore();
      await storeCheckpoint(db, 7);
      expect(await readCheckpoint(db)).toBe(7);
    });

    it.each([
      ['text', 'x', 'Its checkpoint cannot be read ("x" is not a log position)'],
      ['negative', -1, 'Its checkpoint cannot be read (-1 is not a log position)'],
      ['a fraction', 1.5, 'Its checkpoint cannot be read (1.5 is not a log position)'],
      ['missing', undefined, 'Its checkpoint cannot be read (it holds no position)'],
      ['a bigint', 5n, 'Its checkpoint cannot be read (5 is not a log position)'],
    ])('cannot be read when the stored position is %s', async (_, position, message) => {
      const db = freshStore();
      await storeCheckpoint(db, position);
      const reading = readCheckpoint(db);
      await expect(reading).rejects.toBeInstanceOf(UnreadableStoreError);
      await expect(reading).rejects.toThrow(message);
    });
  });

  describe('The record of its panel’s rows', () => {
    it('is undefined when none was stored', async () =>
      expect(await readScreen(freshStore())).toBeUndefined());

    it('is read back when its keys are text and its total a count', async () => {
      const db = freshStore();
      await storeScreen(db, { keys: ['SKU-1', 'SKU-2'], total: 3 });
      expect(await readScreen(db)).toEqual({ id: 'screen', keys: ['SKU-1', 'SKU-2'], total: 3 });
    });

    it.each([
      ['not a list', { keys: 'SKU-1', total: 1 }],
      ['a list with a number in it', { keys: ['SKU-1', 2], total: 2 }],
      ['missing', { total: 0 }],
    ])('cannot be read when its keys are %s', async (_, record) => {
      const db = freshStore();
      await storeScreen(db, record);
      const reading = readScreen(db);
      await expect(reading).rejects.toBeInstanceOf(UnreadableStoreError);
      await expect(reading).rejects.toThrow(
        'The record of its panel’s rows cannot be read (keys: not a list of keys)',
      );
    });

    it.each([
      ['text', '3'],
      ['negative', -1],
      ['a fraction', 2.5],
      ['missing', undefined],
    ])('cannot be read when its total is %s', async (_, total) => {
      const db = freshStore();
      await storeScreen(db, { keys: ['SKU-1'], total });
      const reading = readScreen(db);
      await expect(reading).rejects.toBeInstanceOf(UnreadableStoreError);
      await expect(reading).rejects.toThrow(
        'The record of its panel’s rows cannot be read (total: not a count)',
      );
    });
  });

  describe('Its rows', () => {
    const storedWithOneBadRow = async () => {
      const db = freshStore(countCheck);
      await db.rows.bulkPut([
        { key: 'A', value: { count: 1 } },
        { key: 'B', value: { count: 'lots' } },
        { key: 'C', value: { count: 3 } },
      ]);
      return db;
    };

    it('are read back when every row passes the check, a missing one as undefined', async () => {
      const db = freshStore(countCheck);
      await db.rows.bulkPut([
        { key: 'A', value: { count: 1 } },
        { key: 'C', value: { count: 3 } },
      ]);
      expect(await readRows<Count>(db, ['C', 'missing', 'A'])).toEqual({
        C: { count: 3 },
        missing: undefined,
        A: { count: 1 },
      });
      expect(await readAllRows<Count>(db)).toEqual([
        { key: 'A', value: { count: 1 } },
        { key: 'C', value: { count: 3 } },
      ]);
    });

    it('can be read one by one while the bad row is not asked for', async () => {
      const db = await storedWithOneBadRow();
      expect(await readRows<Count>(db, ['A', 'C'])).toEqual({ A: { count: 1 }, C: { count: 3 } });
    });

    it('cannot be read by key when one asked for fails the check, which is named', async () => {
      const db = await storedWithOneBadRow();
      const reading = readRows<Count>(db, ['A', 'B']);
      await expect(reading).rejects.toBeInstanceOf(UnreadableStoreError);
      await expect(reading).rejects.toThrow('Its row B cannot be read (count: not a whole number)');
    });

    it('cannot all be read when one fails the check', async () => {
      const db = await storedWithOneBadRow();
      const reading = readAllRows<Count>(db);
      await expect(reading).rejects.toBeInstanceOf(UnreadableStoreError);
      await expect(reading).rejects.toThrow('Its row B cannot be read (count: not a whole number)');
    });

    it('are all trusted by a store made without a check', async () => {
      const db = freshStore();
      const odd = [
        { key: 'A', value: null },
        { key: 'B', value: 'lots' },
        { key: 'C', value: { count: 'x' } },
      ];
      await db.rows.bulkPut(odd);
      expect(await readAllRows(db)).toEqual(odd);
      expect(await readRows(db, ['A', 'B', 'C'])).toEqual({
        A: null,
        B: 'lots',
        C: { count: 'x' },
      });
    });
  });
});

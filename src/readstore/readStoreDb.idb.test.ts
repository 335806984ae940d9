// The read store against a real (in-memory) IndexedDB: rows kept in buckets read and write as rows
// would, whatever the sequence of commits, the buckets double as the view grows, and a store of
// version 2 (a record per row) is carried over whole.
import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { RowChanges } from '../domain/projection';
import {
  clearView,
  commitIfAt,
  countRows,
  readAllRows,
  readCheckpoint,
  readRows,
  readScreen,
  ReadStoreDb,
  restoreRows,
  TARGET_ROWS,
} from './readStoreDb';

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const freshStore = () => {
  const db = new ReadStoreDb(`read-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
};

const keyOf = (n: number) => `ORD-${String(n).padStart(5, '0')}`;

/** Commits `changes` on top of `checkpoint`, as a delivery does. */
const commit = async (db: ReadStoreDb, changes: RowChanges<number>, checkpoint: number) => {
  const result = await commitIfAt<number>(
    db,
    checkpoint,
    Object.keys(changes),
    () => changes,
    checkpoint + 1,
  );
  expect(result.applied).toBe(true);
};

const expectSameAs = async (db: ReadStoreDb, model: ReadonlyMap<string, number>) => {
  const sorted = [...model].sort(([a], [b]) => (a < b ? -1 : 1));
  expect(await readAllRows<number>(db)).toEqual(sorted.map(([key, value]) => ({ key, value })));
  expect(await countRows(db)).toBe(model.size);
  const some = [...model.keys()].slice(0, 20).concat(['ORD-missing']);
  expect(await readRows<number>(db, some)).toEqual(
    Object.fromEntries(some.map((key) => [key, model.get(key)])),
  );
};

describe('The read store', () => {
  it('reads back exactly the rows written, whatever the puts and deletes, in buckets that stay small', async () => {
    // Key spaces up to 700 rows make the buckets double a few times (TARGET_ROWS a bucket).
    const change = fc.tuple(fc.nat(699), fc.option(fc.integer(), { nil: null }));
    const batches = fc.array(fc.array(change, { minLength: 1, maxLength: 300 }), {
      minLength: 1,
      maxLength: 8,
    });
    await fc.assert(
      fc.asyncProperty(batches, async (commits) => {
        const db = freshStore();
        const model = new Map<string, number>();
        let checkpoint = 0;
        for (const batch of commits) {
          const changes: RowChanges<number> = {};
          for (const [n, value] of batch) changes[keyOf(n)] = value;
          await commit(db, changes, checkpoint);
          checkpoint += 1;
          for (const [key, value] of Object.entries(changes))
            if (value === null) model.delete(key);
            else model.set(key, value);
        }
        await expectSameAs(db, model);
        expect(await readCheckpoint(db)).toBe(checkpoint);
        // No bucket is kept empty, and none holds more than its share grows to between doublings.
        const buckets = await db.buckets.toArray();
        expect(buckets.every((bucket) => bucket.rows.size > 0)).toBe(true);
        expect(buckets.length).toBeLessThanOrEqual(Math.max(1, Math.ceil(model.size / 4)));
        db.close();
      }),
      { numRuns: 25 },
    );
  });

  it('writes a view of 5,000 rows as a few dozen records, not 5,000', async () => {
    const db = freshStore();
    const changes: RowChanges<number> = {};
    for (let n = 0; n < 5_000; n += 1) changes[keyOf(n)] = n;
    await commit(db, changes, 0);

    const buckets = await db.buckets.toArray();
    // 5,000 rows fit 64 buckets of TARGET_ROWS (128): the buckets doubled to 64 and no further.
    expect(buckets.length).toBe(64);
    expect(5_000 / buckets.length).toBeLessThanOrEqual(TARGET_ROWS);
    expect(Math.max(...buckets.map((bucket) => bucket.rows.size))).toBeLessThan(3 * TARGET_ROWS);
    expect(await countRows(db)).toBe(5_000);
    expect((await readRows<number>(db, [keyOf(4_321)]))[keyOf(4_321)]).toBe(4_321);
  });

  it('puts rows back on a step back and empties them on a clear, the count with them', async () => {
    const db = freshStore();
    await commit(db, { a: 1, b: 2 }, 0);
    await commit(db, { a: 10, c: 3, b: null }, 1);

    expect(await restoreRows<number>(db, 2, { a: 1, b: 2, c: null }, 1)).toBe(true);
    await expectSameAs(
      db,
      new Map([
        ['a', 1],
        ['b', 2],
      ]),
    );

    await clearView(db);
    await expectSameAs(db, new Map());
    expect(await db.buckets.count()).toBe(0);
    expect(await readCheckpoint(db)).toBe(0);
  });

  it('carries a version 2 store (a record per row) over into buckets, with its checkpoint and panel rows', async () => {
    const name = `read-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores({ rows: 'key', checkpoint: 'id' });
    old.version(2).stores({ screen: 'id' });
    const rows = Array.from({ length: 300 }, (_, n) => ({ key: keyOf(n), value: n }));
    await old.table('rows').bulkAdd(rows);
    await old.table('checkpoint').put({ id: 'checkpoint', position: 601 });
    await old.table('screen').put({ id: 'screen', keys: [keyOf(299)], total: 300 });
    old.close();

    const db = new ReadStoreDb(name);
    opened.push(db);

    await expectSameAs(db, new Map(rows.map(({ key, value }) => [key, value])));
    expect(await readCheckpoint(db)).toBe(601);
    expect(await readScreen(db)).toEqual({ id: 'screen', keys: [keyOf(299)], total: 300 });
    expect(await db.buckets.count()).toBe(4); // 300 rows: 4 buckets of at most TARGET_ROWS on average
    expect(db.tables.map((table) => table.name)).not.toContain('rows');
  });
});

// The read store against a real (in-memory) IndexedDB: it reads back exactly the rows written,
// whatever the sequence of commits, and a store of an earlier version (a record per row, or rows
// in buckets as version 3 kept them) is carried over whole.
import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { RowChanges } from '../domain/projection';
import {
  clearView,
  commitIfAt,
  readAllRows,
  readCheckpoint,
  readRows,
  readScreen,
  ReadStoreDb,
  restoreRows,
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
  const some = [...model.keys()].slice(0, 20).concat(['ORD-missing']);
  expect(await readRows<number>(db, some)).toEqual(
    Object.fromEntries(some.map((key) => [key, model.get(key)])),
  );
};

describe('The read store', () => {
  it('reads back exactly the rows written, whatever the puts and deletes', async () => {
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
        db.close();
      }),
      { numRuns: 25 },
    );
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
    expect(await db.rows.count()).toBe(0);
    expect(await readCheckpoint(db)).toBe(0);
  });

  it('carries a version 2 store over, rows, checkpoint and panel rows', async () => {
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
    expect(db.verno).toBe(4);
  });

  it('carries rows kept in buckets (version 3) back to a record per row, with the checkpoint', async () => {
    const name = `read-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores({ rows: 'key', checkpoint: 'id' });
    old.version(2).stores({ screen: 'id' });
    old.version(3).stores({ rows: null, buckets: 'id' });
    // As version 3 wrote them: rows spread over buckets, and the layout beside the checkpoint.
    await old.table('buckets').bulkAdd([
      {
        id: 0,
        rows: new Map([
          [keyOf(1), 1],
          [keyOf(3), 3],
        ]),
      },
      { id: 1, rows: new Map([[keyOf(2), 2]]) },
    ]);
    await old.table('checkpoint').bulkPut([
      { id: 'checkpoint', position: 7 },
      { id: 'layout', depth: 1, count: 3 },
    ]);
    old.close();

    const db = new ReadStoreDb(name);
    opened.push(db);

    await expectSameAs(
      db,
      new Map([
        [keyOf(1), 1],
        [keyOf(2), 2],
        [keyOf(3), 3],
      ]),
    );
    expect(await readCheckpoint(db)).toBe(7);
    expect(await db.checkpoint.count()).toBe(1); // the layout went with the buckets
    expect(db.tables.map((table) => table.name)).not.toContain('buckets');
  });
});

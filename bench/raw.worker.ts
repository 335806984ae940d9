// The raw baseline: plain Dexie writes of the very rows the app stored, into a fresh database,
// with no domain logic, no idempotency records and no checks.
import { expose } from 'comlink';
import Dexie from 'dexie';
import type { StoredEvent } from '../src/domain/types';

const freshDb = async () => {
  const name = `bench-raw-${crypto.randomUUID()}`;
  const db = new Dexie(name);
  db.version(1).stores({ events: 'position, &[streamId+version], streamId, type' });
  await db.open();
  return db;
};

const timed = async (work: (db: Dexie) => Promise<void>) => {
  const db = await freshDb();
  const started = performance.now();
  await work(db);
  const ms = performance.now() - started;
  await db.delete();
  return ms;
};

let open: Dexie | undefined;

const api = {
  /** A fresh database for `addOne`, kept open between calls. */
  openFresh: async () => {
    if (open) await open.delete();
    open = await freshDb();
  },
  /** One command's rows in one transaction (a page round trip each, timed by the caller). */
  addOne: async (rows: StoredEvent[]) => {
    if (!open) throw new Error('Call openFresh first');
    await open.table('events').bulkAdd(rows);
  },
  /** Reads the app's event log in pages of 1,000 by position, as a projection's catch-up does. */
  pagedRead: async (dbName: string, pageSize: number) => {
    const db = new Dexie(dbName);
    db.version(1).stores({ events: 'position' });
    await db.open();
    const started = performance.now();
    let count = 0;
    for (let after = 0; ;) {
      const page = await db
        .table('events')
        .where('position')
        .above(after)
        .limit(pageSize)
        .toArray();
      if (page.length === 0) break;
      count += page.length;
      after = (page.at(-1) as { position: number }).position;
    }
    const ms = performance.now() - started;
    db.close();
    return { count, ms };
  },
  /** bulkAdd in batches of `batchSize` rows, one transaction each. */
  bulk: (rows: StoredEvent[], batchSize: number) =>
    timed(async (db) => {
      for (let i = 0; i < rows.length; i += batchSize)
        await db.table('events').bulkAdd(rows.slice(i, i + batchSize));
    }),
  /** One transaction per group of rows (one command's events). */
  perGroup: (groups: StoredEvent[][]) =>
    timed(async (db) => {
      for (const group of groups) await db.table('events').bulkAdd(group);
    }),
};

export type RawApi = typeof api;
expose(api);

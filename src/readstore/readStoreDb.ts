// One database per projection: its rows and its checkpoint (the last log position it has applied).
// Rows and checkpoint are always written in one transaction, so they can never disagree.
import Dexie, { type Table } from 'dexie';
import type { RowChanges } from '../domain/projection';

export type ViewRow<R = unknown> = { key: string; value: R };
type CheckpointRow = { id: 'checkpoint'; position: number };

export const readStoreName = (viewName: string): string =>
  `cqrs-lab-read-${viewName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

export class ReadStoreDb extends Dexie {
  rows!: Table<ViewRow, string>;
  checkpoint!: Table<CheckpointRow, string>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({ rows: 'key', checkpoint: 'id' });
  }
}

export const readCheckpoint = async (db: ReadStoreDb): Promise<number> =>
  (await db.checkpoint.get('checkpoint'))?.position ?? 0;

export const readRows = async <R>(
  db: ReadStoreDb,
  keys: readonly string[],
): Promise<Record<string, R | undefined>> => {
  const rows = await db.rows.bulkGet([...keys]);
  return Object.fromEntries(keys.map((key, i) => [key, rows[i]?.value as R | undefined]));
};

export const readAllRows = async <R>(db: ReadStoreDb): Promise<ViewRow<R>[]> =>
  (await db.rows.toArray()) as ViewRow<R>[];

/** Puts changed rows and deletes removed ones; call inside a transaction. */
const writeRows = async <R>(db: ReadStoreDb, changes: RowChanges<R>) => {
  const entries = Object.entries(changes);
  const puts = entries.flatMap(([key, value]) => (value === null ? [] : [{ key, value }]));
  const deletes = entries.flatMap(([key, value]) => (value === null ? [key] : []));
  if (puts.length > 0) await db.rows.bulkPut(puts);
  if (deletes.length > 0) await db.rows.bulkDelete(deletes);
};

/** What an attempt to apply a batch found: applied, or the store had moved on without us. */
export type CommitResult<R> =
  | { applied: true; changes: RowChanges<R>; prior: Record<string, R | undefined> }
  | { applied: false; storedCheckpoint: number };

/**
 * Reads the rows for `keys`, lets `project` change them, and writes the changed rows and the new
 * checkpoint, all in one transaction, but only if the stored checkpoint is still `expected`. Another
 * instance of the projection (a second tab) may have applied events since we last looked.
 */
export const commitIfAt = <R>(
  db: ReadStoreDb,
  expected: number,
  keys: readonly string[],
  project: (rows: Record<string, R | undefined>) => RowChanges<R>,
  checkpoint: number,
): Promise<CommitResult<R>> =>
  db.transaction('rw', db.rows, db.checkpoint, async (): Promise<CommitResult<R>> => {
    const stored = await readCheckpoint(db);
    if (stored !== expected) return { applied: false, storedCheckpoint: stored };
    const rows = await readRows<R>(db, keys);
    const prior = { ...rows };
    const changes = project(rows);
    await writeRows(db, changes);
    await db.checkpoint.put({ id: 'checkpoint', position: checkpoint });
    return { applied: true, changes, prior };
  });

/** Puts rows back as they were and the checkpoint with them, if nobody moved it since (step back). */
export const restoreRows = <R>(
  db: ReadStoreDb,
  expected: number,
  before: RowChanges<R>,
  checkpoint: number,
): Promise<boolean> =>
  db.transaction('rw', db.rows, db.checkpoint, async () => {
    if ((await readCheckpoint(db)) !== expected) return false;
    await writeRows(db, before);
    await db.checkpoint.put({ id: 'checkpoint', position: checkpoint });
    return true;
  });

/** Empties the view and its checkpoint (rebuild, reset). */
export const clearView = (db: ReadStoreDb): Promise<void> =>
  db.transaction('rw', db.rows, db.checkpoint, async () => {
    await db.rows.clear();
    await db.checkpoint.put({ id: 'checkpoint', position: 0 });
  });

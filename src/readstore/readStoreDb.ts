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

/** Writes changed rows and the new checkpoint together, or neither. */
export const commitChanges = <R>(
  db: ReadStoreDb,
  changes: RowChanges<R>,
  checkpoint: number,
): Promise<void> =>
  db.transaction('rw', db.rows, db.checkpoint, async () => {
    const entries = Object.entries(changes);
    const puts = entries.flatMap(([key, value]) => (value === null ? [] : [{ key, value }]));
    const deletes = entries.flatMap(([key, value]) => (value === null ? [key] : []));
    if (puts.length > 0) await db.rows.bulkPut(puts);
    if (deletes.length > 0) await db.rows.bulkDelete(deletes);
    await db.checkpoint.put({ id: 'checkpoint', position: checkpoint });
  });

// One database per projection: its rows and its checkpoint (the last log position it has applied).
// Rows and checkpoint are always written in one transaction, so they can never disagree.
import Dexie, { type Table } from 'dexie';
import type { RowChanges } from '../domain/projection';

export type ViewRow<R = unknown> = { key: string; value: R };
type CheckpointRow = { id: 'checkpoint'; position: number };

/**
 * Which rows the view's panel shows (domain/screens.ts), by key, and how many such rows the view
 * holds: kept beside the rows so a start sends the panel its rows without reading the whole view.
 * While it is stored it is right: every write that could change it either writes it in the same
 * transaction or deletes it, and then it is worked out from the rows again.
 */
export type ScreenRecord = { id: 'screen'; keys: string[]; total: number };

/** What a commit does to the stored ScreenRecord: replace it, leave it (still right), or drop it. */
export type ScreenUpdate = { keys: string[]; total: number } | 'unchanged' | undefined;

export const readStoreName = (viewName: string): string =>
  `cqrs-lab-read-${viewName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

/**
 * A stored record of a view that the code cannot read (a row of the wrong shape, a checkpoint that
 * is not a position): the view is then rebuilt from the log (see projectionHost).
 */
export class UnreadableStoreError extends Error {
  constructor(what: string, reason: string) {
    super(`${what} cannot be read (${reason})`);
    this.name = 'UnreadableStoreError';
  }
}

export class ReadStoreDb extends Dexie {
  rows!: Table<ViewRow, string>;
  checkpoint!: Table<CheckpointRow, string>;
  screen!: Table<ScreenRecord, string>;
  /** Why a stored row's value is not one of this view's rows (none: rows are not checked). */
  readonly check: (value: unknown) => string | undefined;

  constructor(name: string, check: (value: unknown) => string | undefined = () => undefined) {
    super(name);
    this.check = check;
    this.version(1).stores({ rows: 'key', checkpoint: 'id' });
    // Version 2 adds the panel's rows (ScreenRecord); rows and checkpoint are unchanged.
    this.version(2).stores({ screen: 'id' });
    // Version 3 kept rows in buckets of many rows per record; version 4 went back to a record per
    // row (see the end of this file for why), carrying every row over both times.
    this.version(3)
      .stores({ rows: null, buckets: 'id' })
      .upgrade(async (tx) => {
        const rows = await tx.table<ViewRow, string>('rows').toArray();
        await tx
          .table<LegacyBucket, number>('buckets')
          .put({ id: 0, rows: new Map(rows.map(({ key, value }) => [key, value])) });
      });
    this.version(4)
      .stores({ buckets: null, rows: 'key' })
      .upgrade(async (tx) => {
        const buckets = await tx.table<LegacyBucket, number>('buckets').toArray();
        await tx
          .table<ViewRow, string>('rows')
          .bulkPut(
            buckets.flatMap((bucket) => [...bucket.rows].map(([key, value]) => ({ key, value }))),
          );
        await tx.table('checkpoint').delete('layout');
      });
  }
}

/**
 * Rows as version 3 kept them: many to a record, by a hash of their key. A rebuild then wrote a few
 * hundred records instead of one per row, about three times as fast; but a delivery of new orders
 * rewrote a whole bucket for each of them, and a catch-up too long to keep its rows in memory read
 * a whole bucket for each row it touched (a million-event log no longer caught up in ten minutes).
 */
type LegacyBucket = { id: number; rows: Map<string, unknown> };

/** A stored value as text, whatever it is (JSON cannot say a bigint or a cycle). */
const shown = (value: unknown): string => {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
};

const isPosition = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** The panel's rows as stored (their keys and the view's count), if the store has them. */
export const readScreen = async (db: ReadStoreDb): Promise<ScreenRecord | undefined> => {
  const stored = (await db.screen.get('screen')) as Partial<ScreenRecord> | undefined;
  if (stored === undefined) return undefined;
  if (!Array.isArray(stored.keys) || !stored.keys.every((key) => typeof key === 'string'))
    throw new UnreadableStoreError('The record of its panel’s rows', 'keys: not a list of keys');
  if (!isPosition(stored.total))
    throw new UnreadableStoreError('The record of its panel’s rows', 'total: not a count');
  return stored as ScreenRecord;
};

/** Stores the panel's rows, worked out from the rows at `checkpoint`, unless the view moved since. */
export const saveScreen = (
  db: ReadStoreDb,
  checkpoint: number,
  screen: { keys: string[]; total: number },
): Promise<void> =>
  db.transaction('rw', db.checkpoint, db.screen, async () => {
    if ((await readCheckpoint(db)) === checkpoint) await db.screen.put({ id: 'screen', ...screen });
  });

const updateScreen = async (db: ReadStoreDb, update: ScreenUpdate) => {
  if (update === 'unchanged') return;
  if (update) await db.screen.put({ id: 'screen', ...update });
  else await db.screen.delete('screen');
};

export const readCheckpoint = async (db: ReadStoreDb): Promise<number> => {
  const stored = await db.checkpoint.get('checkpoint');
  if (stored === undefined) return 0;
  if (!isPosition(stored.position))
    throw new UnreadableStoreError(
      'Its checkpoint',
      (stored.position as unknown) === undefined
        ? 'it holds no position'
        : `${shown(stored.position)} is not a log position`,
    );
  return stored.position;
};

/** A stored row's value, checked against the view's shape (see ReadStoreDb.check). */
const checked = (db: ReadStoreDb, row: ViewRow | undefined, key: string): unknown => {
  if (row === undefined) return undefined;
  const why = db.check(row.value);
  if (why !== undefined) throw new UnreadableStoreError(`Its row ${key}`, why);
  return row.value;
};

export const readRows = async <R>(
  db: ReadStoreDb,
  keys: readonly string[],
): Promise<Record<string, R | undefined>> => {
  const rows = await db.rows.bulkGet([...keys]);
  return Object.fromEntries(
    keys.map((key, i) => [key, checked(db, rows[i], key) as R | undefined]),
  );
};

export const readAllRows = async <R>(db: ReadStoreDb): Promise<ViewRow<R>[]> =>
  (await db.rows.toArray()).map((row) => ({
    key: row.key,
    value: checked(db, row, row.key) as R,
  }));

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
  /** The panel's rows after these changes, saved with them (none: dropped, see ScreenRecord). */
  screenAfter?: (changes: RowChanges<R>, prior: Record<string, R | undefined>) => ScreenUpdate,
): Promise<CommitResult<R>> =>
  db.transaction('rw', db.rows, db.checkpoint, db.screen, async (): Promise<CommitResult<R>> => {
    const stored = await readCheckpoint(db);
    if (stored !== expected) return { applied: false, storedCheckpoint: stored };
    const rows = await readRows<R>(db, keys);
    const prior = { ...rows };
    const changes = project(rows);
    const screen = screenAfter?.(changes, prior);
    await writeRows(db, changes);
    await db.checkpoint.put({ id: 'checkpoint', position: checkpoint });
    await updateScreen(db, screen);
    return { applied: true, changes, prior };
  });

/** Puts rows back as they were and the checkpoint with them, if nobody moved it since (step back). */
export const restoreRows = <R>(
  db: ReadStoreDb,
  expected: number,
  before: RowChanges<R>,
  checkpoint: number,
): Promise<boolean> =>
  db.transaction('rw', db.rows, db.checkpoint, db.screen, async () => {
    if ((await readCheckpoint(db)) !== expected) return false;
    await db.screen.delete('screen');
    await writeRows(db, before);
    await db.checkpoint.put({ id: 'checkpoint', position: checkpoint });
    return true;
  });

/** Empties the view and its checkpoint (rebuild, reset). */
export const clearView = (db: ReadStoreDb): Promise<void> =>
  db.transaction('rw', db.rows, db.checkpoint, db.screen, async () => {
    await db.screen.delete('screen');
    await db.rows.clear();
    await db.checkpoint.put({ id: 'checkpoint', position: 0 });
  });

// One database per projection: its rows and its checkpoint (the last log position it has applied).
// Rows and checkpoint are always written in one transaction, so they can never disagree.
//
// Rows are kept in buckets, many rows per IndexedDB record, chosen by a hash of the row's key:
// writing a record costs about the same whether it holds one row or a hundred, so a rebuild of a
// view with a row per order writes a few hundred records instead of one per order. A commit rewrites
// only the buckets it touches. The buckets double when they hold TARGET_ROWS rows on average, so
// they hold between half that and that many on average, however large the view grows.
import Dexie, { type Table } from 'dexie';
import type { RowChanges } from '../domain/projection';

export type ViewRow<R = unknown> = { key: string; value: R };
type CheckpointRow = { id: 'checkpoint'; position: number };
/** How the rows are spread: 2^depth buckets, and how many rows they hold in all. */
type LayoutRow = { id: 'layout'; depth: number; count: number };
/** One IndexedDB record of rows: those whose key hashes to `id` (its low `depth` bits). */
export type Bucket = { id: number; rows: Map<string, unknown> };

/** Rows a bucket holds on average before the buckets double (then about half as many). */
export const TARGET_ROWS = 128;

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

export class ReadStoreDb extends Dexie {
  buckets!: Table<Bucket, number>;
  checkpoint!: Table<CheckpointRow | LayoutRow, string>;
  screen!: Table<ScreenRecord, string>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({ rows: 'key', checkpoint: 'id' });
    // Version 2 adds the panel's rows (ScreenRecord); rows and checkpoint are unchanged.
    this.version(2).stores({ screen: 'id' });
    // Version 3 moves the rows into buckets (see the top of this file).
    this.version(3)
      .stores({ rows: null, buckets: 'id' })
      .upgrade(async (tx) => {
        const rows = await tx.table<ViewRow, string>('rows').toArray();
        const depth = depthFor(rows.length, 0);
        await tx.table<Bucket, number>('buckets').bulkPut(spread(rows, depth));
        await tx
          .table<LayoutRow, string>('checkpoint')
          .put({ id: 'layout', depth, count: rows.length });
      });
  }
}

/** FNV-1a: a fast, well-spread 32-bit hash of a row's key. */
const hashOf = (key: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
};

const bucketOf = (key: string, depth: number): number => hashOf(key) & ((1 << depth) - 1);

/** The fewest doublings from `depth` that keep `count` rows at TARGET_ROWS a bucket or fewer. */
const depthFor = (count: number, depth: number): number => {
  let next = depth;
  while (count > 2 ** next * TARGET_ROWS && next < 24) next += 1;
  return next;
};

/** Rows spread over 2^depth buckets (only the buckets that hold any). */
const spread = (rows: Iterable<ViewRow>, depth: number): Bucket[] => {
  const buckets = new Map<number, Bucket>();
  for (const { key, value } of rows) {
    const id = bucketOf(key, depth);
    let bucket = buckets.get(id);
    if (!bucket) buckets.set(id, (bucket = { id, rows: new Map() }));
    bucket.rows.set(key, value);
  }
  return [...buckets.values()];
};

const EMPTY_LAYOUT: LayoutRow = { id: 'layout', depth: 0, count: 0 };

const readLayout = async (db: ReadStoreDb): Promise<LayoutRow> =>
  ((await db.checkpoint.get('layout')) as LayoutRow | undefined) ?? EMPTY_LAYOUT;

/** The buckets that hold `keys` (an empty one for each that holds none yet), and the layout. */
type Loaded = { layout: LayoutRow; buckets: Map<number, Bucket> };

const loadBuckets = async (
  db: ReadStoreDb,
  keys: Iterable<string>,
  loaded?: Loaded,
): Promise<Loaded> => {
  const layout = loaded?.layout ?? (await readLayout(db));
  const buckets = loaded?.buckets ?? new Map<number, Bucket>();
  const ids = new Set<number>();
  for (const key of keys) {
    const id = bucketOf(key, layout.depth);
    if (!buckets.has(id)) ids.add(id);
  }
  if (ids.size > 0) {
    const wanted = [...ids];
    const stored = await db.buckets.bulkGet(wanted);
    wanted.forEach((id, i) => buckets.set(id, stored[i] ?? { id, rows: new Map() }));
  }
  return { layout, buckets };
};

const rowsOf = <R>(keys: readonly string[], { layout, buckets }: Loaded) =>
  Object.fromEntries(
    keys.map((key) => [key, buckets.get(bucketOf(key, layout.depth))?.rows.get(key) as R]),
  ) as Record<string, R | undefined>;

/** The panel's rows as stored (their keys and the view's count), if the store has them. */
export const readScreen = (db: ReadStoreDb): Promise<ScreenRecord | undefined> =>
  db.screen.get('screen');

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

export const readCheckpoint = async (db: ReadStoreDb): Promise<number> =>
  ((await db.checkpoint.get('checkpoint')) as CheckpointRow | undefined)?.position ?? 0;

export const readRows = <R>(
  db: ReadStoreDb,
  keys: readonly string[],
): Promise<Record<string, R | undefined>> =>
  keys.length === 0
    ? Promise.resolve({})
    : // One transaction, so the buckets read are those of the layout read.
      db.transaction('r', db.checkpoint, db.buckets, async () =>
        rowsOf<R>(keys, await loadBuckets(db, keys)),
      );

/** Every row, in the order of their keys (as IndexedDB orders strings). */
export const readAllRows = async <R>(db: ReadStoreDb): Promise<ViewRow<R>[]> =>
  (await db.buckets.toArray())
    .flatMap(({ rows }) => [...rows].map(([key, value]) => ({ key, value: value as R })))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

/** The number of rows the view holds (kept with the layout, so nothing is read but one record). */
export const countRows = async (db: ReadStoreDb): Promise<number> => (await readLayout(db)).count;

/**
 * Puts changed rows and deletes removed ones, rewriting only the buckets they are in (doubling the
 * buckets when they grow past TARGET_ROWS on average); call inside a transaction.
 */
const writeRows = async <R>(db: ReadStoreDb, changes: RowChanges<R>, already?: Loaded) => {
  const entries = Object.entries(changes);
  if (entries.length === 0) return;
  const { layout, buckets } = await loadBuckets(db, Object.keys(changes), already);
  const touched = new Set<Bucket>();
  let count = layout.count;
  for (const [key, value] of entries) {
    const bucket = buckets.get(bucketOf(key, layout.depth));
    if (!bucket) continue; // loadBuckets gave every key its bucket
    const had = bucket.rows.has(key);
    if (value === null) {
      if (!had) continue;
      bucket.rows.delete(key);
      count -= 1;
    } else {
      bucket.rows.set(key, value);
      if (!had) count += 1;
    }
    touched.add(bucket);
  }
  const depth = depthFor(count, layout.depth);
  if (depth !== layout.depth) {
    // Every row moves to one of the buckets its old one splits into: all are written again.
    const all = new Map((await db.buckets.toArray()).map((bucket) => [bucket.id, bucket]));
    for (const bucket of touched) all.set(bucket.id, bucket);
    const rows = [...all.values()].flatMap((bucket) =>
      [...bucket.rows].map(([key, value]) => ({ key, value })),
    );
    await db.buckets.clear();
    await db.buckets.bulkPut(spread(rows, depth));
  } else {
    const kept = [...touched].filter((bucket) => bucket.rows.size > 0);
    const emptied = [...touched].flatMap((bucket) => (bucket.rows.size === 0 ? [bucket.id] : []));
    if (kept.length > 0) await db.buckets.bulkPut(kept);
    if (emptied.length > 0) await db.buckets.bulkDelete(emptied);
  }
  if (depth !== layout.depth || count !== layout.count)
    await db.checkpoint.put({ id: 'layout', depth, count });
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
  db.transaction('rw', db.buckets, db.checkpoint, db.screen, async (): Promise<CommitResult<R>> => {
    const stored = await readCheckpoint(db);
    if (stored !== expected) return { applied: false, storedCheckpoint: stored };
    const loaded = await loadBuckets(db, keys);
    const rows = rowsOf<R>(keys, loaded);
    const prior = { ...rows };
    const changes = project(rows);
    const screen = screenAfter?.(changes, prior);
    await writeRows(db, changes, loaded);
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
  db.transaction('rw', db.buckets, db.checkpoint, db.screen, async () => {
    if ((await readCheckpoint(db)) !== expected) return false;
    await db.screen.delete('screen');
    await writeRows(db, before);
    await db.checkpoint.put({ id: 'checkpoint', position: checkpoint });
    return true;
  });

/** Empties the view and its checkpoint (rebuild, reset). */
export const clearView = (db: ReadStoreDb): Promise<void> =>
  db.transaction('rw', db.buckets, db.checkpoint, db.screen, async () => {
    await db.screen.delete('screen');
    await db.buckets.clear();
    await db.checkpoint.delete('layout');
    await db.checkpoint.put({ id: 'checkpoint', position: 0 });
  });

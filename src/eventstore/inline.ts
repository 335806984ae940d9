// An inline projection: a view kept inside the event store and updated in the same transaction as
// the append, so a read right after the acknowledgement always sees the write. The price: every
// write does the view's work too, and the write side now depends on a read model.
import { projectStored, type Projection } from '../domain/projection';
import type { StoredEvent } from '../domain/types';
import type { EventStoreDb, InlineRow } from './eventStoreDb';
import { readAll } from './read';

const CHECKPOINT_KEY = '#checkpoint';
const PAGE = 5_000;

// Rows of any view; the projection knows their shape.
type AnyProjection = Projection<unknown, never>;

/** Applies appended events to the inline view. Call it inside the append's transaction. */
export const applyInline = async (
  db: EventStoreDb,
  projection: AnyProjection,
  events: readonly StoredEvent[],
): Promise<void> => {
  const last = events.at(-1);
  if (!last) return;
  const changes = await projectStored(projection, events, async (keys) =>
    (await db.inline.bulkGet(keys)).map((row) => row?.value),
  );
  const puts: InlineRow[] = [{ key: CHECKPOINT_KEY, value: last.position }];
  const deletes: string[] = [];
  for (const [key, value] of Object.entries(changes))
    if (value === null) deletes.push(key);
    else puts.push({ key, value });
  await db.inline.bulkPut(puts);
  if (deletes.length > 0) await db.inline.bulkDelete(deletes);
};

/** Builds the inline view from the whole log, in one transaction with the log. */
export const buildInline = (db: EventStoreDb, projection: AnyProjection): Promise<void> =>
  db.transaction('rw', db.events, db.inline, async () => {
    await db.inline.clear();
    for (let from = 1; ;) {
      const page = await readAll(db, { fromPosition: from, limit: PAGE });
      const last = page.at(-1);
      if (!last) return;
      await applyInline(db, projection, page);
      from = last.position + 1;
    }
  });

export const clearInline = (db: EventStoreDb): Promise<void> => db.inline.clear();

/** One row of the inline view and the position it is up to date with. */
export const readInline = (
  db: EventStoreDb,
  key: string,
): Promise<{ value: unknown; asOfPosition: number }> =>
  db.transaction('r', db.inline, async () => {
    const [row, checkpoint] = await db.inline.bulkGet([key, CHECKPOINT_KEY]);
    return {
      value: row?.value ?? null,
      asOfPosition: typeof checkpoint?.value === 'number' ? checkpoint.value : 0,
    };
  });

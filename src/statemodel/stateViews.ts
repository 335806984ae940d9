// Queries to the views of the design that writes them in the command's own transaction: rows read
// from the state model's store, with the position they are up to date with read in the same
// transaction. That position is always the head: such a view is never behind an acknowledged write.
import Dexie from 'dexie';
import type { QueryAnswer, ViewQuery } from '../bus/protocol';
import { stateHead, type StateModelDb } from './stateModelDb';

export const askStateView = (
  db: StateModelDb,
  view: string,
  query: ViewQuery,
  search?: (rows: Record<string, unknown>, text: string) => unknown,
): Promise<QueryAnswer<unknown>> =>
  db.transaction('r', db.rows, db.meta, async () => {
    const position = await stateHead(db);
    let data: unknown;
    if (query.kind === 'key') data = (await db.rows.get([view, query.key]))?.value ?? null;
    else {
      const rows = await db.rows
        .where('[view+key]')
        .between([view, Dexie.minKey], [view, Dexie.maxKey])
        .toArray();
      if (query.kind === 'text' && search)
        data = search(Object.fromEntries(rows.map((row) => [row.key, row.value])), query.text);
      else data = rows.map((row) => row.value);
    }
    return { data, asOfPosition: position, headPosition: position, servedBy: view };
  });

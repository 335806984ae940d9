// A view as the bus calls it, in the two designs where no events travel to the views: the rows are
// written in the command's own transaction ('same-transaction'), or there are no separate rows at
// all and each query is answered from the one model's tables ('one-model'). Such a view is never
// behind: it answers with the position of the last committed write. It has nothing to apply,
// rebuild or take back, and says so; after each commit the bus asks it to show what changed.
import Dexie from 'dexie';
import type { RowChange, TraceFrame, Traced, ViewApi, ViewPosition } from '../bus/protocol';
import { keysTouched } from '../domain/projection';
import { projections, searchOf, type ViewName } from '../domain/views';
import { SCREENS } from '../domain/screens';
import { createScreenSelection } from '../projection/screen';
import { DESIGN_NAMES, RECOMPUTE_NOTE } from './designs';
import { askOneModel, oneModelRows, readOneModel } from './oneModel';
import { askStateView } from './stateViews';
import { stateHead, type StateModelDb } from './stateModelDb';

export type StateViewMode = 'one-model' | 'same-transaction';

/** Why a view of `mode` has no events to be sent, rebuilt from or taken back. */
export const noEventsFor = (mode: StateViewMode, view: string) =>
  mode === 'one-model'
    ? `In the design “${DESIGN_NAMES[mode]}” ${view} is a query on the one model's tables, answered when asked: there is no view to send events to or rebuild`
    : `In the design “${DESIGN_NAMES[mode]}” the rows of ${view} are written in each command’s own transaction: no events travel to it, and none are kept to replay (${RECOMPUTE_NOTE})`;

const traced = <T>(value: T, frames: TraceFrame[] = []): Traced<T> => ({ value, frames });

export const createStateViewApi = (
  db: StateModelDb,
  view: ViewName,
  mode: StateViewMode,
): ViewApi => {
  const refuse = () => Promise.reject(new Error(noEventsFor(mode, view)));
  /** The page is sent the rows the view's panel shows, not the whole view (domain/screens.ts). */
  const screen = createScreenSelection(SCREENS[view]);

  /** Every row the view shows now, and the position they are up to date with. */
  const snapshot = async (): Promise<{ rows: RowChange[]; position: number }> => {
    if (mode === 'one-model') {
      const { rows, position } = await readOneModel(db);
      const answered = oneModelRows(view, rows);
      return {
        rows: Object.entries(answered).map(([key, value]) => ({ key, value })),
        position,
      };
    }
    return db.transaction('r', db.rows, db.meta, async () => ({
      rows: (
        await db.rows
          .where('[view+key]')
          .between([view, Dexie.minKey], [view, Dexie.maxKey])
          .toArray()
      ).map((row) => ({ key: row.key, value: row.value })),
      position: await stateHead(db),
    }));
  };
  const shown = async (): Promise<Traced<ViewPosition>> => {
    const { rows, position } = await snapshot();
    return traced({ checkpoint: position, head: position }, [
      { kind: 'view-snapshot', view, checkpoint: position, head: position, ...screen.reset(rows) },
      { kind: 'view-phase', view, phase: 'running' },
    ]);
  };

  return {
    start: shown,
    catchUp: shown,
    headMovedTo: shown,
    apply: refuse,
    rebuild: refuse,
    undo: () => Promise.resolve(traced(false)),
    reset: async () => {
      const { frames } = await shown();
      return traced(undefined, frames);
    },
    setDuplicateCheck: () => Promise.resolve(traced(undefined)),
    ask: async (query) =>
      traced(
        mode === 'one-model'
          ? await askOneModel(db, view, query)
          : await askStateView(db, view, query, searchOf(view)),
      ),
    refresh: async (events, head) => {
      if (mode === 'one-model') {
        // A query has no rows of its own: the screen shows its answer as it is after the commit.
        const { frames } = await shown();
        return traced(undefined, frames.slice(0, 1));
      }
      // Sent even when no row changed: the view is up to date with `head` all the same.
      const keys = keysTouched(projections[view], events);
      const { rows, count } = await db.transaction('r', db.rows, async () => ({
        rows:
          keys.length > 0
            ? await db.rows.bulkGet(keys.map((key): [string, string] => [view, key]))
            : [],
        count: await db.rows
          .where('[view+key]')
          .between([view, Dexie.minKey], [view, Dexie.maxKey])
          .count(),
      }));
      // What each row was before is not kept here: the rows on screen say it for theirs, and the
      // view's count is read from the store.
      const screened = screen.apply(
        Object.fromEntries(keys.map((key, i) => [key, rows[i]?.value ?? null])),
        Object.fromEntries(keys.map((key) => [key, screen.get(key)])),
      );
      screen.recount(count);
      if (screened.refill) {
        const { frames } = await shown();
        return traced(undefined, frames.slice(0, 1));
      }
      return traced(undefined, [
        {
          kind: 'view-changed',
          view,
          changes: screened.changes,
          total: count,
          checkpoint: head,
          head,
          at: Date.now(),
        },
      ]);
    },
  };
};

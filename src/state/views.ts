// What the screen knows of each read view: its rows, its checkpoint, and what the last update changed.
import type { RowChange } from '../bus/trace';

export type ViewState = {
  rows: Record<string, unknown>;
  checkpoint: number;
  head: number;
  /** Keys of rows changed by the most recent update, to highlight them. */
  lastChanged: string[];
  loaded: boolean;
};

export const emptyView = (): ViewState => ({
  rows: {},
  checkpoint: 0,
  head: 0,
  lastChanged: [],
  loaded: false,
});

export const applySnapshot = (
  _view: ViewState,
  snapshot: { rows: RowChange[]; checkpoint: number; head: number },
): ViewState => ({
  rows: Object.fromEntries(snapshot.rows.map((row) => [row.key, row.value])),
  checkpoint: snapshot.checkpoint,
  head: snapshot.head,
  lastChanged: [],
  loaded: true,
});

export const applyChanges = (
  view: ViewState,
  update: { changes: RowChange[]; checkpoint: number; head: number },
): ViewState => {
  const changed = new Map(update.changes.map((c) => [c.key, c.value]));
  const kept = Object.entries(view.rows).filter(([key]) => !changed.has(key));
  const added = [...changed].filter(([, value]) => value !== null);
  const rows = Object.fromEntries([...kept, ...added]);
  return {
    ...view,
    rows,
    checkpoint: Math.max(view.checkpoint, update.checkpoint),
    head: Math.max(view.head, update.head),
    lastChanged: update.changes.length > 0 ? update.changes.map((c) => c.key) : view.lastChanged,
  };
};

/** The freshness line of a view, in the words of the UI contract. */
export const describeFreshness = (checkpoint: number, head: number): string => {
  const behind = head - checkpoint;
  return behind <= 0
    ? `Up to date at #${checkpoint}`
    : `${behind.toLocaleString('en-US')} behind: at #${checkpoint}, head #${head}`;
};

// What the screen knows of each read view: its rows, its checkpoint, and what the last update changed.
import type { RowChange, ViewPhase } from '../bus/protocol';

export type ViewState = {
  /** The rows the view's panel shows (the worker sends those, not necessarily the whole view). */
  rows: Record<string, unknown>;
  /** How many rows the view holds that its panel shows (its rows, when the worker sends them all). */
  total: number;
  checkpoint: number;
  head: number;
  /** Keys of rows changed by the most recent update, to highlight them. */
  lastChanged: string[];
  loaded: boolean;
  phase: ViewPhase;
  progress: { done: number; total: number } | undefined;
  lastRebuild: { events: number; ms: number } | undefined;
  /** Whether the view skips events at or below its checkpoint (off only in a lesson). */
  duplicateCheck: boolean;
  /** Events applied a second time since the view was last built from the log. */
  reapplied: number;
};

export const emptyView = (): ViewState => ({
  rows: {},
  total: 0,
  checkpoint: 0,
  head: 0,
  lastChanged: [],
  loaded: false,
  phase: 'starting',
  progress: undefined,
  lastRebuild: undefined,
  duplicateCheck: true,
  reapplied: 0,
});

export const applySnapshot = (
  view: ViewState,
  snapshot: { rows: RowChange[]; checkpoint: number; head: number; total?: number },
): ViewState => ({
  ...view,
  rows: Object.fromEntries(snapshot.rows.map((row) => [row.key, row.value])),
  total: snapshot.total ?? snapshot.rows.length,
  checkpoint: snapshot.checkpoint,
  head: snapshot.head,
  lastChanged: [],
  loaded: true,
});

const count = (n: number) => n.toLocaleString('en-US');

/** The freshness line of a view, in the words of the UI contract. */
export const describeFreshness = (
  checkpoint: number,
  head: number,
  phase: ViewPhase = 'running',
  progress?: { done: number; total: number },
  /** Events the view applied twice: its rows are wrong, however fresh, until it is rebuilt. */
  reapplied = 0,
): string => {
  // Some repeated events change nothing (one the view ignores, a price set twice): "may be".
  const wrong = reapplied > 0 ? ` · ${count(reapplied)} applied twice: rebuild` : '';
  switch (phase) {
    case 'paused':
      return `Paused at #${checkpoint}${wrong}`;
    case 'stopped':
      return `Stopped at #${checkpoint}${wrong}`;
    case 'rebuilding':
      return `Rebuilding: ${count(progress?.done ?? 0)} of ${count(progress?.total ?? head)}`;
    case 'starting':
      return progress
        ? `Catching up: ${count(progress.done)} of ${count(progress.total)}`
        : 'Starting…';
    case 'running': {
      const behind = head - checkpoint;
      return behind <= 0
        ? `Up to date at #${checkpoint}${wrong}`
        : `${count(behind)} behind: at #${checkpoint}, head #${head}${wrong}`;
    }
  }
};

// Which of a view's rows the page is sent (see domain/screens.ts): the first `limit` rows its panel
// shows, in the panel's order, and how many such rows the view holds. The host asks this before
// every snapshot and every committed change, so the page's copy of a view stays bounded however
// large the view grows.
import type { RowChange } from '../bus/protocol';
import type { Screen } from '../domain/screens';

export type Screened = {
  changes: RowChange[];
  /** Rows the view holds that its panel shows (on screen or not). */
  total: number;
  /**
   * A row on screen went away, or moved later in the order, while others wait in the store: the
   * screen is sent again whole (the store alone knows which row comes next).
   */
  refill: boolean;
  /** Which rows are on screen, or how many the view holds, changed (not only a row's value). */
  moved: boolean;
};

export const createScreenSelection = <R>(spec: Screen<R>) => {
  let shown = new Map<string, R>();
  let total = 0;
  /** The row on screen that comes last in the panel's order (the first to give way). */
  let last: string | undefined;
  const findLast = () => {
    last = undefined;
    let lastRow: R | undefined;
    for (const [key, row] of shown)
      if (lastRow === undefined || spec.order(row, lastRow) > 0) {
        last = key;
        lastRow = row;
      }
  };
  const isShown = (row: R | null | undefined): row is R =>
    row !== null && row !== undefined && spec.shows(row);

  const take = (rows: { key: string; value: R }[], count: number) => {
    rows.sort((a, b) => spec.order(a.value, b.value));
    const top = rows.slice(0, spec.limit);
    shown = new Map(top.map((row) => [row.key, row.value]));
    total = count;
    findLast();
    return { rows: top, total };
  };

  return {
    /** A snapshot: the panel's first `limit` rows of `rows` (every row of the view). */
    reset: (rows: readonly { key: string; value: R }[]): { rows: RowChange[]; total: number } => {
      const candidates = rows.filter((row) => spec.shows(row.value));
      return take(candidates, candidates.length);
    },
    /** A snapshot from the rows on screen as stored (see ScreenRecord), and the view's count. */
    load: (rows: readonly { key: string; value: R }[], count: number) => take([...rows], count),
    /** The keys on screen now. */
    keys: (): string[] => [...shown.keys()],
    /** The row on screen under `key`, if it is on screen. */
    get: (key: string): R | undefined => shown.get(key),
    /** The view's count, where it is counted in the store rather than followed change by change. */
    recount: (count: number) => {
      total = count;
    },
    /** Committed changes (and each changed row's value before them): those the page must see. */
    apply: (
      changes: Readonly<Record<string, R | null>>,
      prior: Readonly<Record<string, R | undefined>>,
    ): Screened => {
      const sent: RowChange[] = [];
      const before = total;
      let refill = false;
      let moved = false;
      for (const [key, value] of Object.entries(changes)) {
        const now = isShown(value);
        total += (now ? 1 : 0) - (isShown(prior[key]) ? 1 : 0);
        const was = shown.get(key);
        if (was !== undefined) {
          if (now) {
            shown.set(key, value);
            // Moved later in the order: a row that waits in the store may now come before it.
            if (spec.order(value, was) > 0) refill = true;
          } else {
            shown.delete(key);
            refill = moved = true;
          }
          sent.push({ key, value: now ? value : null });
          findLast();
          continue;
        }
        if (!now) continue;
        if (shown.size >= spec.limit) {
          const lastRow = last === undefined ? undefined : shown.get(last);
          if (last === undefined || lastRow === undefined || spec.order(value, lastRow) >= 0)
            continue;
          shown.delete(last);
          sent.push({ key: last, value: null });
        }
        shown.set(key, value);
        sent.push({ key, value });
        moved = true;
        findLast();
      }
      return {
        changes: sent,
        total,
        refill: refill && total > shown.size,
        moved: moved || refill || total !== before,
      };
    },
  };
};

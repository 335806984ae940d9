// Which events the log shows (filters) and which it highlights (provenance), and the slice of rows
// a virtualised table draws. Pure, so the 100,000-row case is unit-tested without a browser.
import type { StoredEvent } from '../domain/types';
import { filtersAnything, matches, type LogFilter } from '../eventstore/logFilter';

export type { LogFilter };

export const filterEvents = (
  events: readonly StoredEvent[],
  filter: LogFilter,
): readonly StoredEvent[] =>
  filtersAnything(filter) ? events.filter((event) => matches(event, filter)) : events;

/** What a read-view row was built from: some positions, or whole streams; `view` is the row's view. */
export type Provenance = { label: string; positions: number[]; streams: string[]; view?: string };

/** The types of the events the page holds that built a row, oldest first, each once. */
export const provenanceTypes = (
  events: readonly StoredEvent[],
  provenance: Provenance,
): string[] => [
  ...new Set(events.filter((event) => isProvenance(event, provenance)).map((event) => event.type)),
];

export const isProvenance = (event: StoredEvent, provenance: Provenance | null): boolean =>
  provenance !== null &&
  (provenance.positions.includes(event.position) || provenance.streams.includes(event.streamId));

/** The rows to draw for a scroll position: those in view plus a few either side. */
export const visibleRange = (
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  total: number,
  overscan = 8,
): { start: number; end: number } => {
  const first = Math.floor(scrollTop / rowHeight);
  const count = Math.ceil(viewportHeight / rowHeight);
  return {
    start: Math.max(0, first - overscan),
    end: Math.min(total, first + count + overscan),
  };
};

/** Rows of the table, newest first: `start` is the first one's index among the matching events. */
export type TableWindow = {
  total: number;
  start: number;
  events: readonly StoredEvent[];
  highlightIndex: number | null;
};

/**
 * The window `[start, end)` (newest first) worked out from the events the page keeps, or null if
 * it needs older ones: a filter needs the whole log kept; the whole log only the rows in view.
 */
export const keptWindow = (
  recent: readonly StoredEvent[],
  head: number,
  filter: LogFilter,
  start: number,
  end: number,
  provenance: Provenance | null,
): TableWindow | null => {
  const first = recent[0]?.position ?? head + 1;
  const whole = first <= 1 && recent.length === head && (recent.at(-1)?.position ?? 0) === head;
  if (filtersAnything(filter) || provenance) {
    if (!whole) return null;
    const matching = filterEvents(recent, filter);
    const total = matching.length;
    const newest = matching.findLastIndex((event) => isProvenance(event, provenance));
    return {
      total,
      start,
      events: matching.slice(Math.max(0, total - end), Math.max(0, total - start)).reverse(),
      highlightIndex: newest < 0 ? null : total - 1 - newest,
    };
  }
  // Positions run from 1 to the head without gaps: row i (newest first) is position head - i.
  const newest = head - start;
  const oldest = Math.max(1, head - end + 1);
  if (newest < oldest) return { total: head, start, events: [], highlightIndex: null };
  const from = oldest - first;
  const rows = recent.slice(Math.max(0, from), newest - first + 1);
  if (from < 0 || rows.length !== newest - oldest + 1 || rows[0]?.position !== oldest) return null;
  return { total: head, start, events: rows.reverse(), highlightIndex: null };
};

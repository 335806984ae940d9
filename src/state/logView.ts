// Which events the log shows (filters) and which it highlights (provenance), and the slice of rows
// a virtualised table draws. Pure, so the 100,000-row case is unit-tested without a browser.
import type { StoredEvent } from '../domain/types';

export type LogFilter = { stream: string; type: string };

export const filterEvents = (
  events: readonly StoredEvent[],
  filter: LogFilter,
): readonly StoredEvent[] => {
  const stream = filter.stream.trim().toLowerCase();
  if (stream === '' && filter.type === '') return events;
  return events.filter(
    (e) =>
      (stream === '' || e.streamId.toLowerCase().includes(stream)) &&
      (filter.type === '' || e.type === filter.type),
  );
};

/** What a read-view row was built from: some positions, or whole streams. */
export type Provenance = { label: string; positions: number[]; streams: string[] };

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

// Which events the Event log shows: plain functions on events, without storage, so the page and
// the write worker filter alike (the page for the events it keeps, the worker for the whole log).
import type { StoredEvent } from '../domain/types';

/** Which events the log table shows: a stream filter (part of its id, any case) and a type. */
export type LogFilter = { stream: string; type: string };

/** What a read-view row was built from (see state/logView.ts): some positions, or whole streams. */
export type LogHighlight = { positions: readonly number[]; streams: readonly string[] };

export const normalised = ({ stream, type }: LogFilter): LogFilter => ({
  stream: stream.trim().toLowerCase(),
  type,
});

export const isFiltered = (filter: LogFilter) => filter.stream !== '' || filter.type !== '';

/** Whether a filter as typed (spaces, any case) leaves any event out. */
export const filtersAnything = (filter: LogFilter): boolean => isFiltered(normalised(filter));

export const matches = (event: StoredEvent, filter: LogFilter): boolean => {
  const { stream, type } = normalised(filter);
  return (
    (stream === '' || event.streamId.toLowerCase().includes(stream)) &&
    (type === '' || event.type === type)
  );
};

// The page shows the log a window at a time (the rows in view, newest first), so it never holds the
// whole log: a long log costs the page what a short one does. This answers those windows from
// IndexedDB, of the whole log or of the events a filter matches, in the write worker.
import type { StoredEvent } from '../domain/types';
import type { EventStoreDb } from './eventStoreDb';
import { logIdentity } from './logMark';
import { isFiltered, matches, normalised, type LogFilter, type LogHighlight } from './logFilter';

export type { LogFilter, LogHighlight };

export type LogWindowQuery = LogFilter & {
  /** How many matching events, newest first, come before the window. */
  offset: number;
  limit: number;
  /** Where, newest first, the newest highlighted event among the matching ones is. */
  highlight?: LogHighlight;
};

export type LogWindow = {
  /** The log's head when the window was read; `total` events match up to it. */
  head: number;
  total: number;
  offset: number;
  /** Newest first. */
  events: StoredEvent[];
  /** The newest highlighted matching event's index, newest first; null if none. */
  highlightIndex: number | null;
};

const byNumber = (a: number, b: number) => a - b;

/** Every stream id in the log, sorted, from the index alone (stream ids are strings). */
const streamIds = async (db: EventStoreDb): Promise<string[]> =>
  (await db.events.orderBy('streamId').uniqueKeys()) as string[];

/** The positions up to `head` a filter matches, ascending, found through the indexes. */
const positionsMatching = async (
  db: EventStoreDb,
  filter: LogFilter,
  head: number,
): Promise<number[]> => {
  const ofType =
    filter.type === '' ? null : await db.events.where('type').equals(filter.type).primaryKeys();
  let found: number[];
  if (filter.stream === '') found = ofType ?? [];
  else {
    const streams = (await streamIds(db)).filter((id) => id.toLowerCase().includes(filter.stream));
    const inStreams =
      streams.length === 0 ? [] : await db.events.where('streamId').anyOf(streams).primaryKeys();
    if (ofType === null) found = inStreams;
    else {
      const typed = new Set(ofType);
      found = inStreams.filter((position) => typed.has(position));
    }
  }
  return found.filter((position) => position <= head).sort(byNumber);
};

/** The index of `value` in ascending `sorted`, or -1. */
const indexIn = (sorted: readonly number[], value: number): number => {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = sorted[middle] ?? 0;
    if (at === value) return middle;
    if (at < value) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
};

/**
 * Windows of one log. The positions a filter matches are kept between calls (numbers only) and
 * extended by the events appended since; a rewritten log (a new mark) starts them again.
 */
export const createLogWindows = (db: EventStoreDb) => {
  let kept: { key: string; mark: string; upTo: number; positions: number[] } | null = null;

  const matching = async (filter: LogFilter, mark: string, head: number) => {
    const key = `${filter.stream}\u0000${filter.type}`;
    if (kept?.key !== key || kept.mark !== mark || kept.upTo > head)
      kept = { key, mark, upTo: head, positions: await positionsMatching(db, filter, head) };
    else if (kept.upTo < head) {
      const added = await db.events
        .where('position')
        .between(kept.upTo, head, false, true)
        .toArray();
      for (const event of added) if (matches(event, filter)) kept.positions.push(event.position);
      kept.upTo = head;
    }
    return kept.positions;
  };

  /** Highlighted positions (of whole streams too), newest first, up to `head`. */
  const highlighted = async (highlight: LogHighlight, head: number): Promise<number[]> => {
    const ofStreams =
      highlight.streams.length === 0
        ? []
        : await db.events
            .where('streamId')
            .anyOf([...highlight.streams])
            .primaryKeys();
    return [...new Set([...highlight.positions, ...ofStreams])]
      .filter((position) => position <= head)
      .sort((a, b) => b - a);
  };

  const window = async (query: LogWindowQuery): Promise<LogWindow> => {
    const { mark, head } = await logIdentity(db);
    const filter = normalised(query);
    const offset = Math.max(0, Math.floor(query.offset));
    const limit = Math.max(0, Math.floor(query.limit));
    if (!isFiltered(filter)) {
      // Positions run from 1 to the head without gaps: the window is one range of keys.
      const newest = head - offset;
      const oldest = Math.max(1, newest - limit + 1);
      const events =
        newest < 1
          ? []
          : await db.events.where('position').between(oldest, newest, true, true).toArray();
      const candidates = query.highlight ? await highlighted(query.highlight, head) : [];
      return {
        head,
        total: head,
        offset,
        events: events.map((row) => db.read(row)).reverse(),
        highlightIndex: candidates[0] === undefined ? null : head - candidates[0],
      };
    }
    const positions = await matching(filter, mark, head);
    const total = positions.length;
    const inWindow = positions.slice(
      Math.max(0, total - offset - limit),
      Math.max(0, total - offset),
    );
    const events = (await db.events.bulkGet(inWindow)).flatMap((event) =>
      event ? [db.read(event)] : [],
    );
    let highlightIndex: number | null = null;
    if (query.highlight)
      for (const position of await highlighted(query.highlight, head)) {
        const index = indexIn(positions, position);
        if (index >= 0) {
          highlightIndex = total - 1 - index;
          break;
        }
      }
    return { head, total, offset, events: events.reverse(), highlightIndex };
  };

  return {
    window,
    /** Every stream in the log, sorted (from the index, without reading an event). */
    streams: () => streamIds(db),
    /** One event, or null if the log does not hold that position. */
    at: async (position: number): Promise<StoredEvent | null> => {
      const event = await db.events.get(position);
      return event ? db.read(event) : null;
    },
  };
};

export type LogWindows = ReturnType<typeof createLogWindows>;

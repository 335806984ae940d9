// The event log as the page keeps it: its newest events in position order, merged from the tail read
// from storage and the trace's appends.
import type { StoredEvent } from '../domain/types';

/** Merges two position-ordered lists, dropping positions already present. */
export const mergeByPosition = (
  known: readonly StoredEvent[],
  incoming: readonly StoredEvent[],
): StoredEvent[] => {
  const last = known.at(-1)?.position ?? 0;
  const sorted = [...incoming].sort((a, b) => a.position - b.position);
  if (sorted.every((event) => event.position > last)) {
    const appended = sorted.filter((event, i) => sorted[i - 1]?.position !== event.position);
    return appended.length === 0 ? [...known] : [...known, ...appended];
  }
  const byPosition = new Map<number, StoredEvent>();
  for (const event of [...known, ...sorted]) byPosition.set(event.position, event);
  return [...byPosition.values()].sort((a, b) => a.position - b.position);
};

/** How many of the newest events the page keeps: the table reads older windows from storage. */
export const RECENT_EVENTS = 1_000;

/** Merges `incoming` into the newest events and keeps only the newest `limit` of them. */
export const keepRecent = (
  known: readonly StoredEvent[],
  incoming: readonly StoredEvent[],
  limit = RECENT_EVENTS,
): StoredEvent[] => {
  const merged = mergeByPosition(known, incoming);
  return merged.length > limit ? merged.slice(merged.length - limit) : merged;
};

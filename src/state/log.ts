// The event log as the screen knows it: events in position order, merged from the initial load and the trace.
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

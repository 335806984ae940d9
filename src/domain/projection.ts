// A projection turns the log into a view shaped for one kind of question. It is pure: given the rows an
// event touches, it says how they change. Hosts load and store the rows; the rule lives here.
import type { DomainEvent, StoredEvent } from './types';

/** The rows an event touches, by key; `null` in a result means "delete this row". */
export type RowChanges<R> = Record<string, R | null>;

export type Projection<R, E extends DomainEvent = DomainEvent> = {
  /** The view's name as the learner sees it, e.g. "Order status". */
  name: string;
  /** The event types this view reacts to; others only move its checkpoint. */
  handles: readonly E['type'][];
  /** Keys of the rows an event reads or writes. */
  keysOf: (event: StoredEvent<E>) => string[];
  /** Given the current rows for keysOf(event) (missing ones undefined), the rows after it. */
  project: (rows: Readonly<Record<string, R | undefined>>, event: StoredEvent<E>) => RowChanges<R>;
};

export const handlesEvent = <R, E extends DomainEvent>(
  projection: Projection<R, E>,
  event: StoredEvent,
): event is StoredEvent<E> => (projection.handles as readonly string[]).includes(event.type);

/**
 * Applies events to an in-memory view and returns the rows that changed. The same fold serves a host
 * applying one delivered batch and a full rebuild from position 0.
 */
export const projectBatch = <R, E extends DomainEvent>(
  projection: Projection<R, E>,
  rows: Record<string, R | undefined>,
  events: readonly StoredEvent[],
): RowChanges<R> => {
  const changes: RowChanges<R> = {};
  for (const event of events) {
    if (!handlesEvent(projection, event)) continue;
    const current: Record<string, R | undefined> = {};
    for (const key of projection.keysOf(event)) current[key] = rows[key];
    for (const [key, row] of Object.entries(projection.project(current, event))) {
      rows[key] = row ?? undefined;
      changes[key] = row;
    }
  }
  return changes;
};

/** The keys of the rows `events` touch in `projection`'s view, each once. */
export const keysTouched = <R, E extends DomainEvent>(
  projection: Projection<R, E>,
  events: readonly StoredEvent[],
): string[] => [
  ...new Set(
    events.filter((event) => handlesEvent(projection, event)).flatMap((e) => projection.keysOf(e)),
  ),
];

/**
 * The rows `events` change, the rows they touch read first with `load` (in the caller's
 * transaction; a missing row is undefined): one batch applied to a view kept in a store.
 */
export const projectStored = async <R, E extends DomainEvent>(
  projection: Projection<R, E>,
  events: readonly StoredEvent[],
  load: (keys: string[]) => Promise<readonly (R | undefined)[]>,
): Promise<RowChanges<R>> => {
  const keys = keysTouched(projection, events);
  const stored = keys.length > 0 ? await load(keys) : [];
  const rows = Object.fromEntries(keys.map((key, i) => [key, stored[i]]));
  return projectBatch(projection, rows, events);
};

/** The whole view built from scratch: what every incremental path must equal. */
export const rebuildView = <R, E extends DomainEvent>(
  projection: Projection<R, E>,
  events: readonly StoredEvent[],
): Record<string, R> => {
  const rows: Record<string, R | undefined> = {};
  projectBatch(projection, rows, events);
  return Object.fromEntries(
    Object.entries(rows).filter((entry): entry is [string, R] => entry[1] !== undefined),
  );
};

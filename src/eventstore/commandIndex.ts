// Which events a command appended, found from the mark on its first event (EventRow's `command`,
// under a unique index): its events follow one another from there, as they were appended together.
import type { StoredEvent } from '../domain/types';
import type { EventRow, EventStoreDb } from './eventStoreDb';

/**
 * Marks the first event of each command in a run of events (one command's append, or an imported
 * log): that event carries the command's id in `command`.
 */
export const withCommandMarks = (events: readonly StoredEvent[]): EventRow[] => {
  const seen = new Set<string>();
  return events.map((event) => {
    const { commandId } = event.meta;
    if (seen.has(commandId)) return event;
    seen.add(commandId);
    return { ...event, command: commandId };
  });
};

/** The commands among `commandIds` that appended events, each with its events in log order. */
export const appendedBy = async (
  db: EventStoreDb,
  commandIds: readonly string[],
): Promise<Map<string, StoredEvent[]>> => {
  const found = new Map<string, StoredEvent[]>();
  if (commandIds.length === 0) return found;
  const firsts = await db.events
    .where('command')
    .anyOf([...commandIds])
    .toArray();
  for (const row of firsts) {
    const first = db.read(row);
    const id = first.meta.commandId;
    const rest = await db.events
      .where('position')
      .above(first.position)
      .until((next) => db.read(next).meta.commandId !== id)
      .toArray();
    found.set(id, [first, ...rest.map((next) => db.read(next))]);
  }
  return found;
};

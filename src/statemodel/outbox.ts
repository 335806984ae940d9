// The outbox of the design that keeps state in place and updates its views after the commit. A write
// stores its new state and one outbox row per event in one transaction, so a message exists exactly
// when the state change does: none is lost if the writer stops after the commit, and none is sent
// for a write that did not commit. A relay then reads the outbox and sends its rows on; a row is
// deleted once its receiver acknowledges it. A relay that stops before that sends the row again
// (at least once), so receivers must skip what they have already applied (their checkpoint does).
import { createDrain } from '../bus/serialQueue';
import type { StoredEvent } from '../domain/types';
import type { EventSource } from '../eventstore/source';
import { stateHead, type StateModelDb } from './stateModelDb';

const PAGE = 1_000;

/** The outbox as a view's source: what is still in it, and an error for what was deleted. */
export const outboxSource = (db: StateModelDb): EventSource => ({
  head: () => stateHead(db),
  read: async (fromPosition, limit) => {
    const rows = await db.outbox
      .where('position')
      .aboveOrEqual(fromPosition)
      .limit(limit)
      .toArray();
    const first = rows[0];
    if ((first ? first.position : (await stateHead(db)) + 1) > fromPosition)
      throw new Error(
        `The outbox no longer holds event #${String(fromPosition)}: it was deleted once relayed. This design keeps the current state, not the history, so a view cannot be replayed from the start`,
      );
    return rows.map((row) => row.event);
  },
});

/** Deletes the outbox rows up to `position` (inclusive): their receivers have applied them. */
export const deleteRelayed = (db: StateModelDb, position: number): Promise<number> =>
  db.outbox.where('position').belowOrEqual(position).delete();

/**
 * Sends the outbox's rows on, oldest first, after each commit (`kick`); `acknowledged` deletes the
 * rows a receiver has applied. It starts from the oldest row still there, so a new relay sends
 * again what an old one sent but never saw acknowledged.
 */
export const createOutboxRelay = (
  db: StateModelDb,
  send: (events: StoredEvent[], head: number) => void,
) => {
  let sent = 0;
  const kick = createDrain(async () => {
    for (;;) {
      const rows = await db.outbox.where('position').above(sent).limit(PAGE).toArray();
      const last = rows.at(-1);
      if (!last) return;
      sent = last.position;
      send(
        rows.map((row) => row.event),
        await stateHead(db),
      );
    }
  });
  return {
    kick,
    /** The receiver has applied everything up to `position`: those rows can go. */
    acknowledged: (position: number) => deleteRelayed(db, position),
    /** Rows still waiting (sent or not) for an acknowledgement. */
    pending: () => db.outbox.count(),
  };
};

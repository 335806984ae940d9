// Faults the learner injects into a message in flight: drop it, send it twice, hold it back.
import type { Host } from './host';
import { summarize } from './messages';

export const createFaults = (host: Host) => {
  const { scheduler } = host;
  /** Copies the learner made of a message (duplicate fault): copy id → original id. */
  const copies = new Map<number, number>();
  return {
    copies,
    drop: (id: number) => {
      if (scheduler.drop(id)) host.emit({ kind: 'dropped', ids: [id] });
      host.clock();
    },
    duplicate: (id: number) => {
      const copy = scheduler.duplicate(id);
      if (copy) {
        copies.set(copy.id, copies.get(id) ?? id);
        host.emit({ kind: 'sent', message: summarize(copy) });
      }
      host.clock();
      host.kick();
    },
    /** Holds a pending message back by `byMs` of virtual time. */
    delay: (id: number, byMs: number) => {
      const later = scheduler.delay(id, byMs);
      if (later) host.emit({ kind: 'sent', message: summarize(later) });
      host.clock();
    },
  };
};

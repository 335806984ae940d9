// The process manager's host: its state, checkpoint and outbox kept in a database of its own, saved
// together in one transaction after each page of the log it reacts to, after each tick of its clock
// and after each acknowledgement. A host started on the same database after a crash goes on from
// what was saved: events after the checkpoint are reacted to again, and commands still in the
// outbox are sent again, under the ids they had.
import Dexie, { type Table } from 'dexie';
import {
  acknowledge,
  due,
  initialManager,
  react,
  type Envelope,
  type LoggedEvent,
  type ManagerState,
} from './processManager';

export const MANAGER_STORE_NAME = 'cqrs-lab-process-manager';

type Saved = ManagerState & { key: 'manager' };

export class ManagerDb extends Dexie {
  saved!: Table<Saved, string>;
  /** The ids of the commands it has sent (for the page: a command sent again after a restart). */
  sentIds!: Table<{ commandId: string }, string>;
  /** How far its virtual clock was moved on, so that a restart keeps the time it had reached. */
  clock!: Table<{ key: 'offset'; ms: number }, string>;

  constructor(name: string = MANAGER_STORE_NAME) {
    super(name);
    this.version(1).stores({ saved: 'key', sentIds: 'commandId' });
    this.version(2).stores({ clock: 'key' });
  }
}

export type ManagerHostDeps = {
  db: ManagerDb;
  /** The log from a position on, at most `limit` events. */
  read: (fromPosition: number, limit: number) => Promise<LoggedEvent[]>;
  /** Sends one command to the write model; resolves once it has answered, whatever it said. */
  send: (envelope: Envelope) => Promise<unknown>;
  /** The process manager's clock (virtual time). */
  now: () => number;
  pageSize?: number;
};

export const createManagerHost = ({ db, read, send, now, pageSize = 100 }: ManagerHostDeps) => {
  let state: ManagerState | undefined;

  const load = async (): Promise<ManagerState> => {
    state ??= (await db.saved.get('manager')) ?? initialManager();
    return state;
  };

  const save = async (next: ManagerState) => {
    await db.saved.put({ ...next, key: 'manager' });
    state = next;
  };

  /** Reacts to the log from the checkpoint on, a page at a time, each page saved with its outbox. */
  const catchUp = async () => {
    for (;;) {
      const current = await load();
      const page = await read(current.checkpoint + 1, pageSize);
      if (page.length === 0) return current;
      await save(page.reduce(react, current));
    }
  };

  /** Expires the payments its clock says are due. */
  const tick = async () => {
    const current = await load();
    const next = due(current, now());
    if (next !== current) await save(next);
    return next;
  };

  /** Sends every command in the outbox, oldest first; each leaves it once the write model answered. */
  const flush = async () => {
    for (let first = (await load()).outbox[0]; first; first = (await load()).outbox[0]) {
      await send(first);
      await save(acknowledge(await load(), first.commandId));
    }
  };

  /** Catches up, ticks and sends until the log has nothing new for it. */
  const run = async () => {
    for (;;) {
      const before = (await load()).checkpoint;
      await catchUp();
      await tick();
      await flush();
      await catchUp();
      if ((await load()).checkpoint === before && (await load()).outbox.length === 0) return load();
    }
  };

  /** Forgets everything: the process starts again with the log (the chapter was set up again). */
  const reset = async () => {
    await db.transaction('rw', db.saved, db.sentIds, db.clock, async () => {
      await db.saved.clear();
      await db.sentIds.clear();
      await db.clock.clear();
    });
    state = undefined;
  };

  return { load, catchUp, tick, flush, run, reset };
};

export type ManagerHost = ReturnType<typeof createManagerHost>;

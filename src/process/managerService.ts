// What the process manager's worker offers: its host on a store of its own, sending commands to
// the fulfilment worker and reading its log, on a virtual clock the learner can move on. Between a
// command's answer and saving it, the manager waits `ackDelayMs` (a simulator feature): the window
// in which a crash makes it send that command again.
import type { Answer } from './fulfilmentService';
import { createManagerHost, type ManagerDb } from './managerHost';
import type { Envelope, LoggedEvent, ManagerState } from './processManager';

export type ManagerTarget = {
  handle: (envelope: Envelope) => Promise<Answer>;
  read: (fromPosition: number, limit: number) => Promise<LoggedEvent[]>;
};

/** One command as the manager sent it, and what the write model said. */
export type Sent = Envelope & { answer: Answer; again: boolean };

export const createManagerService = (
  db: ManagerDb,
  target: ManagerTarget,
  {
    ackDelayMs = 0,
    clock = () => Date.now(),
    sent = () => undefined,
  }: { ackDelayMs?: number; clock?: () => number; sent?: (one: Sent) => void } = {},
) => {
  let offset = 0;
  const host = createManagerHost({
    db,
    read: target.read,
    now: () => clock() + offset,
    send: async (envelope) => {
      const again = (await db.sentIds.get(envelope.commandId)) !== undefined;
      await db.sentIds.put({ commandId: envelope.commandId });
      const answer = await target.handle(envelope);
      sent({ ...envelope, answer, again });
      if (ackDelayMs > 0) await new Promise((go) => setTimeout(go, ackDelayMs));
    },
  });
  let running: Promise<ManagerState> | null = null;
  let again = false;

  /** Runs the host until it has nothing to do; a call while it runs makes it run once more. */
  const run = async (): Promise<ManagerState> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let state = await host.run();
      while (again) {
        again = false;
        state = await host.run();
      }
      return state;
    })();
    try {
      return await running;
    } finally {
      running = null;
    }
  };

  /** Reads how far the clock had been moved on before a restart. */
  const start = async () => {
    offset = (await db.clock.get('offset'))?.ms ?? 0;
    return run();
  };

  /** Moves the manager's clock on (virtual time), then lets it act on what is now due. */
  const advance = async (ms: number) => {
    offset += ms;
    await db.clock.put({ key: 'offset', ms: offset });
    return run();
  };

  /** Clears its store and its clock, for a fresh start. */
  const reset = async () => {
    offset = 0;
    await host.reset();
  };

  return {
    start,
    run,
    advance,
    reset,
    state: host.load,
    clockOffset: () => offset,
    /** The manager's clock: real time, moved on by what `advance` added. */
    now: () => clock() + offset,
  };
};

export type ManagerService = ReturnType<typeof createManagerService>;

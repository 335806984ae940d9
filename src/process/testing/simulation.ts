// A whole fulfilment system in memory, for property tests: a write model that decides each command
// on its one stream and remembers the command ids it has handled; a log; a bus that tells the
// process manager of each append, and can drop, duplicate or reorder what it tells; the process
// manager's host, which keeps its state, checkpoint and outbox saved together and can be killed
// between any two steps; a payment provider that answers, late, or never; and a virtual clock.
import { DomainError } from '../../domain/types';
import {
  availableOf,
  decideFulfilment,
  emptyStream,
  evolveStream,
  streamOfCommand,
  streamOfEvent,
  type FulfilmentCommand,
  type StreamState,
} from '../fulfilment';
import {
  acknowledge,
  due,
  initialManager,
  PAYMENT_WINDOW_MS,
  react,
  type Envelope,
  type LoggedEvent,
  type ManagerState,
} from '../processManager';

export type Fault = 'none' | 'drop' | 'duplicate' | 'reorder';

export type Action =
  | { kind: 'place'; sku: string; quantity: number; amountCents: number }
  | { kind: 'deliver' }
  | { kind: 'persist' }
  | { kind: 'send' }
  | { kind: 'kill' }
  | { kind: 'restart' }
  | { kind: 'tick'; ms: number }
  | { kind: 'provide'; pick: number; paid: boolean };

/** What the bus does with one append's news: lose it, tell it twice, or tell it out of order. */
export type BusFault = { fault: Fault; at: number };

export const createSimulation = (
  stock: Readonly<Record<string, number>>,
  /** The bus's faults, one per append, in turn (none once they run out). */
  faults: readonly BusFault[] = [],
) => {
  const log: LoggedEvent[] = [];
  const streams = new Map<string, StreamState>();
  const handled = new Set<string>();
  /** Every command the write model received, in order, with the id it came with. */
  const received: Envelope[] = [];
  let clock = 0;
  let orders = 0;
  /** Positions the bus has still to tell the process manager about, in the order it will. */
  let hints: number[] = [];
  let saved: ManagerState = initialManager();
  let live: ManagerState | null = initialManager();
  let faultless = false;
  let told = 0;

  const tellBus = (position: number) => {
    const { fault, at } = (faultless ? undefined : faults[told]) ?? { fault: 'none', at: 0 };
    told += 1;
    if (fault === 'drop') return;
    if (fault === 'reorder') hints.splice(at % (hints.length + 1), 0, position);
    else hints.push(position);
    if (fault === 'duplicate') hints.push(position);
  };

  /** The write model: one stream per command, each command id handled once. */
  const handle = (envelope: Envelope) => {
    received.push(envelope);
    if (handled.has(envelope.commandId)) return;
    handled.add(envelope.commandId);
    const streamId = streamOfCommand(envelope.command);
    let state = streams.get(streamId) ?? emptyStream();
    try {
      for (const event of decideFulfilment(envelope.command, state)) {
        if (streamOfEvent(event) !== streamId) throw new Error('An event left its stream');
        state = evolveStream(state, event);
        log.push({ position: log.length + 1, at: clock, event });
        tellBus(log.length);
      }
      streams.set(streamId, state);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  };

  const command = (commandId: string, cmd: FulfilmentCommand) =>
    handle({ commandId, command: cmd });

  for (const [sku, quantity] of Object.entries(stock))
    command(`setup-${sku}`, { type: 'AddStock', sku, quantity });
  hints = [];
  told = 0;

  /** The manager reads the log from its checkpoint up to `upTo`: gaps close, duplicates are no-ops. */
  const catchUp = (upTo: number) => {
    if (!live) return;
    for (const logged of log.slice(live.checkpoint, upTo)) live = react(live, logged);
  };

  const pendingPayments = () =>
    [...streams.entries()]
      .filter(([id, s]) => id.startsWith('payment-') && s.payment.phase === 'requested')
      .map(([id]) => id.slice('payment-'.length));

  const step = (action: Action) => {
    switch (action.kind) {
      case 'place':
        orders += 1;
        command(`ui-ORD-${String(orders)}`, {
          type: 'PlaceOrder',
          orderId: `ORD-${String(orders)}`,
          sku: action.sku,
          quantity: action.quantity,
          amountCents: action.amountCents,
        });
        return;
      case 'deliver': {
        const position = hints.shift();
        // A killed manager hears nothing: the delivery is lost with it.
        if (position !== undefined) catchUp(position);
        return;
      }
      case 'persist':
        if (live) saved = live;
        return;
      case 'send': {
        const first = live?.outbox[0];
        if (!live || !first) return;
        handle(first);
        live = acknowledge(live, first.commandId);
        return;
      }
      case 'kill':
        live = null;
        return;
      case 'restart':
        // The watchdog starts it again: from what was saved, caught up with the log.
        if (!live) {
          live = saved;
          catchUp(log.length);
        }
        return;
      case 'tick':
        clock += action.ms;
        if (live) live = due(live, clock);
        return;
      case 'provide': {
        const pending = pendingPayments();
        const orderId = pending[action.pick % Math.max(1, pending.length)];
        if (orderId)
          command(`provider-${orderId}`, { type: 'SettlePayment', orderId, paid: action.paid });
        return;
      }
    }
  };

  /** Runs on with no more faults or answers until nothing is left to do (or `rounds` run out). */
  const drain = (rounds = 50) => {
    faultless = true;
    for (let round = 0; round < rounds; round += 1) {
      step({ kind: 'restart' });
      while (hints.length > 0) step({ kind: 'deliver' });
      catchUp(log.length);
      step({ kind: 'persist' });
      while ((live?.outbox.length ?? 0) > 0) step({ kind: 'send' });
      step({ kind: 'persist' });
      if (quiet()) return true;
      step({ kind: 'tick', ms: PAYMENT_WINDOW_MS + 1 });
    }
    return quiet();
  };

  const quiet = () =>
    live !== null &&
    hints.length === 0 &&
    live.checkpoint === log.length &&
    live.outbox.length === 0 &&
    Object.values(live.processes).every((p) => p.stage === 'confirmed' || p.stage === 'cancelled');

  return {
    step,
    drain,
    log: () => log,
    received: () => received,
    streams: () => streams,
    manager: () => live,
    available: (sku: string) => availableOf((streams.get(`stock-${sku}`) ?? emptyStream()).stock),
  };
};

export type Simulation = ReturnType<typeof createSimulation>;

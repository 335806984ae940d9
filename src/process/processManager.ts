// The fulfilment process manager (a saga with compensation): it joins the order, the stock and the
// payment, three aggregates that each decide alone, by reacting to their events with commands.
//
//   OrderPlaced        → ReserveStock
//   StockReserved      → RequestPayment (due a payment window after the reservation)
//   ReservationRefused → CancelOrder                      (compensation: nothing to release)
//   PaymentSucceeded   → ConfirmOrder
//   PaymentFailed, PaymentExpired → ReleaseStock, CancelOrder (compensation)
//   its clock passes a payment's due time → ExpirePayment
//
// Its state is kept with the log position it has reacted up to (its checkpoint) and the commands it
// has decided to send but has not had acknowledged (its outbox), all saved together. Each command's
// id comes from the order and the step, so a command sent again after a crash carries the id it had
// the first time, and the write model, which remembers the ids it has handled, applies it once.
import type { FulfilmentCommand, FulfilmentEvent } from './fulfilment';

/** How long, in virtual milliseconds, a payment may take before the process gives up on it. */
export const PAYMENT_WINDOW_MS = 60_000;

export type Envelope = { commandId: string; command: FulfilmentCommand };

export type Stage =
  'reserving' | 'paying' | 'confirming' | 'compensating' | 'confirmed' | 'cancelled';

export type Process = {
  orderId: string;
  sku: string;
  quantity: number;
  amountCents: number;
  stage: Stage;
  /** Stock is held for the order (reserved and not yet released). */
  holding: boolean;
  cancelled: boolean;
  /** When the payment is due (virtual time), once requested. */
  dueAt: number | null;
  /** An ExpirePayment has been decided (it is sent once, not at every tick). */
  expiring: boolean;
};

export type ManagerState = {
  processes: Record<string, Process>;
  /** The last log position reacted to. */
  checkpoint: number;
  outbox: readonly Envelope[];
};

/** An event as the process manager reads it from the log: where it is, and when it was recorded. */
export type LoggedEvent = { position: number; at: number; event: FulfilmentEvent };

export const initialManager = (): ManagerState => ({ processes: {}, checkpoint: 0, outbox: [] });

/** The id a step's command always has: the process and the step, nothing that changes on a retry. */
export const commandIdOf = (orderId: string, step: string) => `pm-${orderId}-${step}`;

const send = (
  state: ManagerState,
  step: string,
  command: FulfilmentCommand & { orderId: string },
) => ({
  ...state,
  outbox: [...state.outbox, { commandId: commandIdOf(command.orderId, step), command }],
});

const withProcess = (state: ManagerState, process: Process): ManagerState => ({
  ...state,
  processes: { ...state.processes, [process.orderId]: process },
});

/** The stage a compensating process has reached once it is cancelled and holds nothing. */
const settle = (process: Process): Process =>
  process.stage === 'compensating' && process.cancelled && !process.holding
    ? { ...process, stage: 'cancelled' }
    : process;

/**
 * Reacts to the next event of the log. Events at or before the checkpoint were reacted to already
 * (a duplicate delivery, or a replay after a restart) and change nothing.
 */
export const react = (state: ManagerState, logged: LoggedEvent): ManagerState => {
  if (logged.position <= state.checkpoint) return state;
  const next = reactTo({ ...state, checkpoint: logged.position }, logged);
  return next;
};

const reactTo = (state: ManagerState, { event, at }: LoggedEvent): ManagerState => {
  if (event.type === 'StockAdded') return state;
  const process = state.processes[event.orderId];
  if (event.type === 'OrderPlaced') {
    if (process) return state;
    const started: Process = {
      orderId: event.orderId,
      sku: event.sku,
      quantity: event.quantity,
      amountCents: event.amountCents,
      stage: 'reserving',
      holding: false,
      cancelled: false,
      dueAt: null,
      expiring: false,
    };
    return send(withProcess(state, started), 'reserve', {
      type: 'ReserveStock',
      sku: event.sku,
      orderId: event.orderId,
      quantity: event.quantity,
    });
  }
  // Events of orders this process did not start (placed before it ran) are not its business.
  if (!process) return state;
  const { orderId, sku } = process;
  switch (event.type) {
    case 'StockReserved': {
      const dueAt = at + PAYMENT_WINDOW_MS;
      return send(
        withProcess(state, { ...process, holding: true, stage: 'paying', dueAt }),
        'pay',
        {
          type: 'RequestPayment',
          orderId,
          amountCents: process.amountCents,
          dueAt,
        },
      );
    }
    case 'ReservationRefused':
      return send(withProcess(state, { ...process, stage: 'compensating' }), 'cancel', {
        type: 'CancelOrder',
        orderId,
        reason: `only ${String(event.available)} of ${sku} available`,
      });
    case 'PaymentSucceeded':
      return send(withProcess(state, { ...process, stage: 'confirming' }), 'confirm', {
        type: 'ConfirmOrder',
        orderId,
      });
    case 'PaymentFailed':
    case 'PaymentExpired': {
      const reason = event.type === 'PaymentFailed' ? 'the payment failed' : 'the payment expired';
      const compensating = withProcess(state, { ...process, stage: 'compensating' });
      return send(send(compensating, 'release', { type: 'ReleaseStock', sku, orderId }), 'cancel', {
        type: 'CancelOrder',
        orderId,
        reason,
      });
    }
    case 'StockReleased':
      return withProcess(state, settle({ ...process, holding: false }));
    case 'OrderCancelled':
      return withProcess(state, settle({ ...process, cancelled: true }));
    case 'OrderConfirmed':
      return withProcess(state, { ...process, stage: 'confirmed' });
    case 'PaymentRequested':
      return state;
  }
};

/** On the process manager's clock: payments past their due time are expired, once each. */
export const due = (state: ManagerState, now: number): ManagerState =>
  Object.values(state.processes)
    .filter((p) => p.stage === 'paying' && !p.expiring && p.dueAt !== null && p.dueAt <= now)
    .reduce(
      (next, p) =>
        send(withProcess(next, { ...p, expiring: true }), 'expire', {
          type: 'ExpirePayment',
          orderId: p.orderId,
        }),
      state,
    );

/** The write model answered a command (whatever it said): it leaves the outbox. */
export const acknowledge = (state: ManagerState, commandId: string): ManagerState => ({
  ...state,
  outbox: state.outbox.filter((envelope) => envelope.commandId !== commandId),
});

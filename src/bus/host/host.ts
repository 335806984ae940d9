// What the bus host's parts share: its dependencies, its receivers as it calls them, and the state
// they read and change together. Each part (delivery, views, loop, load, step back, faults) is a
// file with one job; index.ts composes them.
import type {
  Outbound,
  SubscriberSettings,
  TraceFrame,
  Traced,
  ViewApi,
  ViewPhase,
  WriteApi,
} from '../protocol';
import type { Delivery, Scheduler } from '../scheduler';
import type { SerialQueue } from '../serialQueue';
import { summarize } from './messages';

/** The write model as the bus calls it (`abort`: its worker died, fail the call in flight). */
export type WriteEndpoint = WriteApi & { abort?: (why: string) => void };

/** A view as the bus calls it (`abort`: its worker is being killed, fail the call in flight). */
export type ViewEndpoint = ViewApi & { abort?: (why: string) => void };

export type BusHostDeps = {
  seed: number;
  write: WriteEndpoint;
  emit: (frame: TraceFrame) => void;
  /** Real time in ms (performance.now in a worker, a fake in tests). */
  realNow: () => number;
  sleep: (ms: number, wake: Promise<void>) => Promise<void>;
  settings?: Record<string, Partial<SubscriberSettings>>;
  /**
   * How the design in use keeps its views (default 'messages': events travel to them on the bus).
   * 'in-write': the write's own transaction writes them, or they are queries on the one model; the
   * bus sends them no events and, after each commit, asks each to show what changed. 'outbox':
   * events travel as messages, relayed from an outbox the write model is told to prune.
   */
  views?: 'messages' | 'outbox' | 'in-write';
  /** Why Rebuild cannot run in this design (it is refused with this notice), if it cannot. */
  noRebuild?: string;
};

/** One read view as the bus keeps it: its worker (if running) and how the learner set it. */
export type ViewSlot = {
  endpoint: ViewEndpoint | undefined;
  phase: ViewPhase;
  pausedByLearner: boolean;
  /** Off only while a lesson shows what applying an event twice does. */
  duplicateCheck: boolean;
  /** The last position the view reported applied (the outbox is pruned up to the lowest). */
  checkpoint: number;
};

export type BusDelivery = Delivery<Outbound>;

/** One hand-over as Step back needs it: what was delivered, what it caused, how to undo it. */
export type HistoryEntry = { delivery: BusDelivery; caused: number[]; undo: () => Promise<void> };

/** The host's shared state, and the few actions every part uses. */
export type Host = {
  readonly deps: BusHostDeps;
  readonly scheduler: Scheduler<Outbound>;
  readonly views: Map<string, ViewSlot>;
  /** Hand-overs Step back can take back, oldest first. */
  readonly history: HistoryEntry[];
  /** Runs the bus's controls one at a time. */
  readonly serial: SerialQueue;
  readonly emit: (frame: TraceFrame) => void;
  /** The write model, or undefined while its worker is down (its mail waits on the bus). */
  write: WriteEndpoint | undefined;
  playing: boolean;
  speed: number;
  /** The log's head as far as the bus knows. */
  head: number;
  /** The position up to which the write model was told every view has applied (outbox designs). */
  relayed: number;
  /** Tells the page the time and how much is pending. */
  clock: () => void;
  /** Wakes the real-time loop: a message was sent, or a control changed. */
  kick: () => void;
};

/** The write model, or an error the learner can act on if its worker is down. */
export const writeModel = (host: Host): WriteEndpoint => {
  if (!host.write) throw new Error('The write model is not running: restart it first');
  return host.write;
};

/** Sends a message and tells the trace; returns its id. */
export const send = (host: Host, outbound: Outbound, sentAt?: number, ownDelay?: number) => {
  const message = host.scheduler.send(outbound, sentAt, ownDelay);
  host.emit({ kind: 'sent', message: summarize(message) });
  return message.id;
};

/** Emits the trace frames a receiver produced while handling a call; returns the call's value. */
export const replay = <T>(host: Host, traced: Traced<T>): T => {
  for (const frame of traced.frames) host.emit(frame);
  return traced.value;
};

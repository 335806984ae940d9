// The bus's scheduler: a virtual clock and a queue of messages, each due at a virtual time. It is
// pure bookkeeping (no timers, no workers): the bus host decides when to ask it for the next due
// message, delivers it, and sends the replies. Given the same seed and inputs it makes the same
// choices, and every delivery can be undone exactly.
import { seededUnit } from '../domain/seeded';
import type { Endpoint, SubscriberSettings } from './protocol';

/** What any queue of this scheduler holds: the bus's own messages are one kind of these. */
export type Outbound = {
  kind: string;
  from: Endpoint;
  to: Endpoint;
  causationId: number | null;
  payload: unknown;
};

/** A queued message: what was sent, with the id and virtual times the scheduler gave it. */
export type Queued<O extends Outbound> = O & { id: number; sentAt: number; deliverAt: number };

/** One hand-over: one or more messages to the same receiver at one virtual time. */
export type Delivery<O extends Outbound = Outbound> = {
  messages: Queued<O>[];
  at: number;
  /** What the scheduler looked like just before, so the delivery can be undone. */
  before: { now: number; busyUntil: number | undefined; nextId: number };
};

export type HoldReason = 'paused' | 'stopped';

export const DEFAULT_SETTINGS: SubscriberSettings = {
  delayMs: 0,
  jitterMs: 0,
  processingMs: 0,
  batchSize: 1,
};

export class Scheduler<O extends Outbound = Outbound> {
  now = 0;
  private nextId = 1;
  /** The last id before the most recent Reset: jitter is drawn by the ordinal since then. */
  private idsBeforeReset = 0;
  private readonly pending: Queued<O>[] = [];
  private readonly settings = new Map<Endpoint, SubscriberSettings>();
  private readonly busyUntil = new Map<Endpoint, number>();
  private readonly held = new Map<Endpoint, HoldReason>();

  constructor(private readonly seed: number) {}

  configure(endpoint: Endpoint, settings: Partial<SubscriberSettings>): void {
    this.settings.set(endpoint, { ...this.settingsOf(endpoint), ...settings });
  }

  settingsOf(endpoint: Endpoint): SubscriberSettings {
    return this.settings.get(endpoint) ?? DEFAULT_SETTINGS;
  }

  /**
   * Queues a message; it becomes due after its receiver's delay plus seeded jitter, or after
   * `ownDelay` alone (e.g. a query skips the lag of its view's event feed).
   */
  send(outbound: O, sentAt = this.now, ownDelay?: number): Queued<O> {
    const id = this.nextId++;
    const settings = this.settingsOf(outbound.to);
    const jitterMs = ownDelay === undefined ? settings.jitterMs : 0;
    const draw = seededUnit(this.seed, id - this.idsBeforeReset);
    const jitter = jitterMs > 0 ? Math.floor(draw * jitterMs) : 0;
    const deliverAt = sentAt + (ownDelay ?? settings.delayMs) + jitter;
    const message: Queued<O> = { ...outbound, id, sentAt, deliverAt };
    this.insert(message);
    return message;
  }

  /** Holds a receiver's mail (paused by the learner, or its worker stopped) or releases it. */
  hold(endpoint: Endpoint, reason: HoldReason | null): void {
    if (reason) this.held.set(endpoint, reason);
    else this.held.delete(endpoint);
  }

  holdOf(endpoint: Endpoint): HoldReason | undefined {
    return this.held.get(endpoint);
  }

  /** Messages not delivered yet, in the order they will be. */
  queue(): readonly Queued<O>[] {
    return this.pending;
  }

  pendingFor(endpoint: Endpoint): number {
    return this.pending.filter((m) => m.to === endpoint).length;
  }

  /** When a message can be handed over: once due, and once its receiver is free. */
  readyAt(message: Queued<O>): number {
    return Math.max(message.deliverAt, this.busyUntil.get(message.to) ?? 0);
  }

  /** The next message to deliver (ignoring held receivers), or undefined. */
  peek(): Queued<O> | undefined {
    let best: Queued<O> | undefined;
    for (const m of this.pending) {
      if (this.held.has(m.to)) continue;
      if (
        !best ||
        this.readyAt(m) < this.readyAt(best) ||
        (this.readyAt(m) === this.readyAt(best) && m.id < best.id)
      )
        best = m;
    }
    return best;
  }

  /**
   * Takes the next message that is ready by `until` (virtual time), moving the clock to when it is
   * handed over. With `batch`, further messages for the same receiver and of the same kind that are
   * ready by then go with it, up to the receiver's batch size.
   */
  take({ until = Number.POSITIVE_INFINITY, batch = false } = {}): Delivery<O> | undefined {
    const first = this.peek();
    if (!first || this.readyAt(first) > until) return undefined;
    const before = { now: this.now, busyUntil: this.busyUntil.get(first.to), nextId: this.nextId };
    const at = Math.max(this.now, this.readyAt(first));
    const limit = batch ? this.settingsOf(first.to).batchSize : 1;
    const messages = [first];
    if (limit > 1)
      for (const m of this.pending) {
        if (messages.length >= limit) break;
        if (m !== first && m.to === first.to && m.kind === first.kind && this.readyAt(m) <= at)
          messages.push(m);
      }
    for (const m of messages) this.pending.splice(this.pending.indexOf(m), 1);
    this.now = at;
    this.busyUntil.set(first.to, at + this.settingsOf(first.to).processingMs);
    return { messages, at, before };
  }

  /** Moves the clock on (never back) when nothing is due before `time`. */
  advanceTo(time: number): void {
    this.now = Math.max(this.now, time);
  }

  /**
   * Puts a delivery back as if it never happened: its messages are pending again, the replies it
   * caused (`caused`, still pending) are withdrawn, and the clock goes back.
   */
  undo(delivery: Delivery<O>, caused: readonly number[]): void {
    for (const id of caused) this.remove(id);
    for (const m of delivery.messages) this.insert(m);
    this.now = delivery.before.now;
    if (delivery.before.busyUntil === undefined)
      this.busyUntil.delete(delivery.messages[0]?.to ?? '');
    else this.busyUntil.set(delivery.messages[0]?.to ?? '', delivery.before.busyUntil);
    if (this.nextId === delivery.before.nextId + caused.length)
      this.nextId = delivery.before.nextId;
  }

  /**
   * Puts messages back as pending, unchanged: their receiver could not take them after all. It is
   * given `retryAfterMs` of virtual time before the next attempt.
   */
  requeue(messages: readonly Queued<O>[], retryAfterMs = 0): void {
    for (const m of messages) this.insert(m);
    const to = messages[0]?.to;
    if (to !== undefined) this.busyUntil.set(to, this.now + retryAfterMs);
  }

  /** Faults the learner can inject into a pending message. */
  drop(id: number): Queued<O> | undefined {
    return this.remove(id);
  }

  duplicate(id: number): Queued<O> | undefined {
    const original = this.pending.find((m) => m.id === id);
    if (!original) return undefined;
    const copy = { ...original, id: this.nextId++ };
    this.insert(copy);
    return copy;
  }

  delay(id: number, byMs: number): Queued<O> | undefined {
    const message = this.remove(id);
    if (!message) return undefined;
    const later = { ...message, deliverAt: message.deliverAt + byMs };
    this.insert(later);
    return later;
  }

  /**
   * Empties the queue and starts the clock again (Reset). Ids go on rising, so nothing that still
   * remembers an old message can mistake a new one for it; jitter restarts, so a scenario replays alike.
   */
  clear(): void {
    this.pending.length = 0;
    this.busyUntil.clear();
    this.now = 0;
    this.idsBeforeReset = this.nextId - 1;
  }

  private insert(message: Queued<O>): void {
    let i = this.pending.length;
    while (i > 0) {
      const prev = this.pending[i - 1];
      if (
        !prev ||
        prev.deliverAt < message.deliverAt ||
        (prev.deliverAt === message.deliverAt && prev.id < message.id)
      )
        break;
      i -= 1;
    }
    this.pending.splice(i, 0, message);
  }

  private remove(id: number): Queued<O> | undefined {
    const index = this.pending.findIndex((m) => m.id === id);
    return index < 0 ? undefined : this.pending.splice(index, 1)[0];
  }
}

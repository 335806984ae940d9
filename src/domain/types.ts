// Shared shapes of the functional core: commands in, facts (events) out, state as a fold over facts.

/** A rule of the domain said no; `message` is written for the learner. */
export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DomainError';
  }
}

export const assertNever = (value: never): never => {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
};

/** Who sent a command and when; time and ids enter the domain only through here. */
export type CommandMeta = {
  commandId: string;
  issuedAt: string;
  /** Optimistic concurrency: the versions of streams as the sender read them. */
  expectedVersions?: Record<string, number> | undefined;
};

export type DomainEvent = { type: string; data: unknown };

/** Metadata stored beside each event. */
export type EventMeta = {
  commandId: string;
  correlationId: string;
  causationId: string;
  recordedAt: string;
  schemaVersion: number;
  /** The type of the command that appended it, e.g. PlaceOrder (schema version 2 on). */
  commandType: string;
};

/** An event as the log holds it: the fact plus where it sits in its stream and in the whole log. */
export type StoredEvent<E extends DomainEvent = DomainEvent> = E & {
  position: number;
  streamId: string;
  version: number;
  meta: EventMeta;
};

export type Decider<S, C, E> = {
  initialState: () => S;
  /** Throws DomainError with a learner-readable reason. */
  decide: (command: C, state: S) => E[];
  /** Never validates: decide already did. */
  evolve: (state: S, event: E) => S;
};

/**
 * A decider plus where its facts live: what a write model needs to run it. The write model keeps one
 * state per stream (folded from that stream's events alone) and decides a command on the states of
 * the streams it names, combined, so deciding costs the same with ten orders or ten thousand.
 */
export type WriteDomain<S, C, E> = Decider<S, C, E> & {
  /** The stream an event belongs to (its aggregate). */
  streamOf: (event: E) => string;
  /** Every stream whose state `decide` reads for this command. */
  streamsOf: (command: C) => string[];
  /** One state from the states of several streams (each folded from its own events). */
  combine: (parts: readonly S[]) => S;
};

/**
 * A record's own entry for `key`, never one inherited from Object.prototype: state keyed by ids
 * must not find "constructor" or "toString" in an empty record.
 */
export const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

// The write model. Commands queue while a transaction is in flight; the next transaction takes the
// whole queue (group commit). Inside it, the model first reads any events it has not seen (another
// tab may have written), then decides every command in order against the state so far, and appends.
import type { z } from 'zod';
import type { EventsDelivery, CommandOutcome } from '../bus/protocol';
import {
  DomainError,
  type CommandMeta,
  type DomainEvent,
  type StoredEvent,
  type WriteDomain,
} from '../domain/types';
import { fieldIssues, summarizeIssues } from '../domain/validation';
import type { Projection } from '../domain/projection';
import {
  appendBatch,
  buildInline,
  clearInline,
  clearLog,
  isConstraintError,
  isQuotaError,
  isUnreadable,
  removeCommands,
  type BatchContext,
  type CommandResult,
  type EventStoreDb,
  type PlannedCommand,
  type StreamAppend,
} from '../eventstore';

type AnyCommand = { type: string; meta: CommandMeta };

export type WriteModelDeps<S, C extends AnyCommand, E extends DomainEvent> = {
  db: EventStoreDb;
  domain: WriteDomain<S, C, E>;
  schema: z.ZodType<C>;
  now: () => string;
  publish: (delivery: EventsDelivery) => void;
  /** Most commands in one transaction. */
  maxBatch?: number;
  /** How often one command is decided again after a conflict before it is refused. */
  maxAttempts?: number;
};

/**
 * What the write side knows as of `position`: each stream's state, folded from that stream's events
 * alone, and each stream's version. Only committed events are folded in, so it stays true even when
 * a batch of ours fails.
 */
type Known<S> = {
  streams: Map<string, S>;
  versions: Map<string, number>;
  position: number;
  /** The mark of the log this was folded from (see BatchContext.mark); undefined before any fold. */
  mark: string | undefined;
};

/** A batch's decisions so far, on top of what is known: nothing here is stored yet. */
type Working<S> = { streams: Map<string, S>; versions: Map<string, number> };

type Pending<C> = { command: C; attempts: number; resolve: (outcome: CommandOutcome) => void };

const CATCH_UP_PAGE = 5_000;

const HANDLED_LIMIT = 200_000;

export const createWriteModel = <S, C extends AnyCommand, E extends DomainEvent>(
  deps: WriteModelDeps<S, C, E>,
) => {
  const { domain } = deps;
  const maxBatch = deps.maxBatch ?? 1_000;
  const maxAttempts = deps.maxAttempts ?? 3;
  const queue: Pending<C>[] = [];
  let inFlight = false;
  const unknown = (): Known<S> => ({
    streams: new Map(),
    versions: new Map(),
    position: 0,
    mark: undefined,
  });
  let known = unknown();
  /**
   * Command ids this model has recorded, so a batch only looks those up (a retry); any other id is
   * new unless another tab or an earlier visit recorded it, which the store's primary key catches.
   */
  const handledHere = new Set<string>();
  /** After the store refused a batch, the next one looks every command up. */
  let lookUpAll = false;
  /** A view kept in the append's own transaction, while a lesson asks for one. */
  let inline: Projection<unknown, never> | undefined;

  const stateOf = (streamId: string, working?: Working<S>): S =>
    working?.streams.get(streamId) ?? known.streams.get(streamId) ?? domain.initialState();

  /** Folds committed events into what is known. */
  const learn = (events: readonly StoredEvent[]) => {
    for (const event of events) {
      known.position = event.position;
      if (isUnreadable(event)) {
        // Kept aside, never decided on; a version it holds is taken, so the next append follows it.
        if (event.version > (known.versions.get(event.streamId) ?? 0))
          known.versions.set(event.streamId, event.version);
        continue;
      }
      known.streams.set(
        event.streamId,
        domain.evolve(stateOf(event.streamId), event as unknown as E),
      );
      known.versions.set(event.streamId, event.version);
    }
  };

  /** Reads what other writers appended since we last looked. Runs inside the batch transaction. */
  const catchUp = async (context: BatchContext) => {
    // Another tab reset the log or stepped it back since: what we folded is gone, so fold it anew
    // (the reset wins; commands decided from here on are decided on the log as it now is).
    if (known.mark !== context.mark) known = { ...unknown(), mark: context.mark };
    while (known.position < context.head) {
      const page = await context.readAll({
        fromPosition: known.position + 1,
        limit: CATCH_UP_PAGE,
      });
      if (page.length === 0) break;
      learn(page);
    }
  };

  const versionIn = (working: Working<S>, streamId: string) =>
    working.versions.get(streamId) ?? known.versions.get(streamId) ?? 0;

  /** Decides one command on the states of its streams; on success the batch moves on. */
  const planOne = (command: C, working: Working<S>): PlannedCommand => {
    const ids = { commandId: command.meta.commandId, commandType: command.type };
    // The sender read these streams at these versions; if a stream has moved on since, the
    // decision was made on stale data and is refused, whatever the rules would say.
    for (const [streamId, expected] of Object.entries(command.meta.expectedVersions ?? {})) {
      const actual = versionIn(working, streamId);
      if (actual !== expected)
        return {
          ...ids,
          kind: 'reject',
          reason: `${streamId} changed since it was read (read at version ${String(expected)}, now at version ${String(actual)}). Nothing was appended: read it again and retry.`,
        };
    }
    let decided: E[];
    try {
      const state = domain.combine(domain.streamsOf(command).map((id) => stateOf(id, working)));
      decided = domain.decide(command, state);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { ...ids, kind: 'reject', reason: error.message };
    }
    const streams = new Map<string, E[]>();
    for (const event of decided) {
      const streamId = domain.streamOf(event);
      streams.set(streamId, [...(streams.get(streamId) ?? []), event]);
    }
    const appends: StreamAppend[] = [...streams].map(([streamId, events]) => {
      const version = versionIn(working, streamId);
      working.versions.set(streamId, version + events.length);
      working.streams.set(streamId, events.reduce(domain.evolve, stateOf(streamId, working)));
      return { streamId, expectedVersion: version === 0 ? 'no-stream' : version, events };
    });
    return { ...ids, kind: 'append', streams: appends };
  };

  const toOutcome = (result: CommandResult): CommandOutcome => {
    switch (result.kind) {
      case 'appended':
        return {
          status: 'accepted',
          commandId: result.commandId,
          events: result.events,
          duplicate: false,
        };
      case 'duplicate':
        return {
          status: 'accepted',
          commandId: result.commandId,
          events: result.events,
          duplicate: true,
        };
      case 'rejected':
        return { status: 'rejected', commandId: result.commandId, reason: result.reason };
      case 'conflict':
        return {
          status: 'rejected',
          commandId: result.commandId,
          reason: `${result.error.message}. Another writer kept changing it; please try again.`,
        };
    }
  };

  const remember = (commandIds: Iterable<string>) => {
    // Bounded: forgetting only makes a later retry of an old command take the slow path.
    if (handledHere.size > HANDLED_LIMIT) handledHere.clear();
    for (const id of commandIds) handledHere.add(id);
  };

  const runBatch = async (batch: Pending<C>[]) => {
    const ids = batch.map((p) => p.command.meta.commandId);
    const lookUp = lookUpAll ? ids : ids.filter((id) => handledHere.has(id));
    const results = await appendBatch(
      deps.db,
      ids,
      async (context) => {
        await catchUp(context);
        const working: Working<S> = { streams: new Map(), versions: new Map() };
        const plans: PlannedCommand[] = [];
        const planned = new Set<string>();
        for (const { command } of batch) {
          const { commandId } = command.meta;
          if (context.handledBefore.has(commandId) || planned.has(commandId)) continue;
          planned.add(commandId);
          plans.push(planOne(command, working));
        }
        return plans;
      },
      deps.now(),
      { plannedAtHead: true, inline, lookUp },
    );
    // Committed: what we appended is now known. A conflict means our picture of some stream was
    // wrong, so the next batch reads the whole log again.
    lookUpAll = false;
    remember(results.flatMap((r) => (r.kind === 'conflict' ? [] : [r.commandId])));
    const appended = results.flatMap((r) => (r.kind === 'appended' ? r.events : []));
    appended.sort((a, b) => a.position - b.position);
    if (results.some((r) => r.kind === 'conflict')) known = unknown();
    else learn(appended);
    const byId = new Map(results.map((r) => [r.commandId, r]));
    const answered = new Set<string>();
    for (const pending of batch) {
      const { commandId } = pending.command.meta;
      // The same command sent twice in one batch: the second copy gets the first one's outcome.
      const first = byId.get(commandId);
      const result =
        answered.has(commandId) && first?.kind === 'appended'
          ? { ...first, kind: 'duplicate' as const }
          : first;
      answered.add(commandId);
      if (result?.kind === 'conflict' && pending.attempts + 1 < maxAttempts) {
        queue.push({ ...pending, attempts: pending.attempts + 1 });
      } else if (result) {
        pending.resolve(toOutcome(result));
      }
    }
    if (appended.length > 0) {
      const head = known.position;
      deps.publish({ kind: 'events', events: appended, head });
    }
  };

  const failBatch = (batch: Pending<C>[], error: unknown) => {
    // Nothing of the batch was stored; forget what we thought we knew and read it again next time.
    known = unknown();
    if (isConstraintError(error)) {
      // A stale version, or a command another tab (or an earlier visit) already recorded.
      lookUpAll = true;
      // The database's unique index caught a stale version: decide these commands again.
      const retry = batch.filter((p) => p.attempts + 1 < maxAttempts);
      queue.unshift(...retry.map((p) => ({ ...p, attempts: p.attempts + 1 })));
      batch = batch.filter((p) => !retry.includes(p));
    }
    const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const reason = isQuotaError(error)
      ? 'Your browser’s storage for this site is full, so nothing was saved. Free some space (export your log and reset it, or clear other sites’ data) and try again.'
      : `The event store could not save this command, so nothing was changed (${why})`;
    for (const { command, resolve } of batch)
      resolve({ status: 'failed', commandId: command.meta.commandId, reason });
  };

  // Resolves when the queue has drained; a new one starts when work arrives.
  let idle: Promise<void> = Promise.resolve();
  let markIdle: (() => void) | undefined;

  const pump = () => {
    if (inFlight) return;
    if (queue.length === 0) {
      markIdle?.();
      markIdle = undefined;
      return;
    }
    if (!markIdle) idle = new Promise((resolve) => (markIdle = resolve));
    inFlight = true;
    const batch = queue.splice(0, maxBatch);
    runBatch(batch)
      .catch((error: unknown) => failBatch(batch, error))
      .finally(() => {
        inFlight = false;
        pump();
      });
  };

  /** Runs `task` once no batch is in flight, and makes the next batch read the log afresh. */
  const whenIdle = async <T>(task: () => Promise<T>): Promise<T> => {
    await idle;
    known = unknown();
    return task();
  };

  const invalid = (raw: unknown, error: z.ZodError): CommandOutcome => {
    const issues = fieldIssues(error);
    const commandId = (raw as { meta?: { commandId?: unknown } } | null)?.meta?.commandId;
    return {
      status: 'invalid',
      commandId: typeof commandId === 'string' ? commandId : undefined,
      reason: summarizeIssues(issues),
      issues,
    };
  };

  return {
    /** Everything the write side knows, as one state (for tests and time travel). */
    currentState: (): { state: S; position: number } => ({
      state: domain.combine([...known.streams.values()]),
      position: known.position,
    }),
    /** Takes back what these commands recorded (Step back); returns the new head position. */
    undo: (commandIds: readonly string[]) =>
      whenIdle(async () => {
        const head = await removeCommands(deps.db, commandIds);
        for (const id of commandIds) handledHere.delete(id);
        if (inline) await buildInline(deps.db, inline);
        return head;
      }),
    /**
     * Runs `task` alone (no batch in flight, none started meanwhile is affected: the next one reads
     * the log afresh), then brings an inline view up to date with what the task wrote.
     */
    exclusive: <T>(task: () => Promise<T>): Promise<T> =>
      whenIdle(async () => {
        const result = await task();
        if (inline) await buildInline(deps.db, inline);
        return result;
      }),
    /**
     * Keeps `projection` inline: built from the log now, then updated in every append's transaction
     * (undefined stops it and empties it).
     */
    setInline: (projection: Projection<unknown, never> | undefined) =>
      whenIdle(async () => {
        inline = projection;
        if (projection) await buildInline(deps.db, projection);
        else await clearInline(deps.db);
      }),
    /** Empties the log (Reset). */
    reset: () =>
      whenIdle(async () => {
        await clearLog(deps.db);
        handledHere.clear();
      }),
    /**
     * Validates a command and queues it for the next group commit. Commands are decided in the order
     * they arrive; each gets its own outcome.
     */
    dispatch: (raw: unknown): Promise<CommandOutcome> => {
      const parsed = deps.schema.safeParse(raw);
      if (!parsed.success) return Promise.resolve(invalid(raw, parsed.error));
      return new Promise<CommandOutcome>((resolve) => {
        queue.push({ command: parsed.data, attempts: 0, resolve });
        pump();
      });
    },
  };
};

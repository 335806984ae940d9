// The write model. Commands queue while a transaction is in flight; the next transaction takes the
// whole queue (group commit). Inside it, the model first reads any events it has not seen (another
// tab may have written), then decides every command in order against the state so far, and appends.
import type { z } from 'zod';
import type { EventsDelivery } from '../bus/messages';
import type { TraceFrame } from '../bus/trace';
import {
  DomainError,
  type CommandMeta,
  type DomainEvent,
  type StoredEvent,
  type WriteDomain,
} from '../domain/types';
import { fieldIssues, summarizeIssues } from '../domain/validation';
import {
  appendBatch,
  type BatchContext,
  type CommandResult,
  type EventStoreDb,
  type PlannedCommand,
  type StreamAppend,
} from '../eventstore';
import type { CommandOutcome } from './outcome';

type AnyCommand = { type: string; meta: CommandMeta };

export type WriteModelDeps<S, C extends AnyCommand, E extends DomainEvent> = {
  db: EventStoreDb;
  domain: WriteDomain<S, C, E>;
  schema: z.ZodType<C>;
  now: () => string;
  publish: (delivery: EventsDelivery) => void;
  trace: (frame: TraceFrame) => void;
  /** Most commands in one transaction. */
  maxBatch?: number;
  /** How often one command is decided again after a conflict before it is refused. */
  maxAttempts?: number;
};

/** The write side's state as of `position`, with the version of every stream it has seen. */
type Known<S> = { state: S; versions: ReadonlyMap<string, number>; position: number };

type Pending<C> = { command: C; attempts: number; resolve: (outcome: CommandOutcome) => void };

const CATCH_UP_PAGE = 5_000;

export const createWriteModel = <S, C extends AnyCommand, E extends DomainEvent>(
  deps: WriteModelDeps<S, C, E>,
) => {
  const { domain } = deps;
  const maxBatch = deps.maxBatch ?? 1_000;
  const maxAttempts = deps.maxAttempts ?? 3;
  const queue: Pending<C>[] = [];
  let inFlight = false;
  const unknown = (): Known<S> => ({
    state: domain.initialState(),
    versions: new Map(),
    position: 0,
  });
  let known = unknown();

  const fold = (from: Known<S>, events: readonly StoredEvent[]): Known<S> => {
    let state = from.state;
    const versions = new Map(from.versions);
    for (const event of events) {
      state = domain.evolve(state, event as unknown as E);
      versions.set(event.streamId, event.version);
    }
    return { state, versions, position: events.at(-1)?.position ?? from.position };
  };

  /** Reads what other writers appended since we last looked. Runs inside the batch transaction. */
  const catchUp = async (context: BatchContext): Promise<Known<S>> => {
    let current = known;
    while (current.position < context.head) {
      const page = await context.readAll({
        fromPosition: current.position + 1,
        limit: CATCH_UP_PAGE,
      });
      if (page.length === 0) break;
      current = fold(current, page);
    }
    return current;
  };

  const planOne = (command: C, working: Known<S>): { plan: PlannedCommand; next: Known<S> } => {
    const ids = { commandId: command.meta.commandId, commandType: command.type };
    let decided: E[];
    try {
      decided = domain.decide(command, working.state);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { plan: { ...ids, kind: 'reject', reason: error.message }, next: working };
    }
    const streams = new Map<string, E[]>();
    for (const event of decided) {
      const streamId = domain.streamOf(event);
      streams.set(streamId, [...(streams.get(streamId) ?? []), event]);
    }
    const appends: StreamAppend[] = [...streams].map(([streamId, events]) => {
      const version = working.versions.get(streamId) ?? 0;
      return { streamId, expectedVersion: version === 0 ? 'no-stream' : version, events };
    });
    const state = decided.reduce(domain.evolve, working.state);
    const versions = new Map(working.versions);
    for (const { streamId, expectedVersion, events } of appends)
      versions.set(
        streamId,
        (expectedVersion === 'no-stream' ? 0 : Number(expectedVersion)) + events.length,
      );
    return {
      plan: { ...ids, kind: 'append', streams: appends },
      next: { ...working, state, versions },
    };
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

  const runBatch = async (batch: Pending<C>[]) => {
    let caughtUp = known;
    const results = await appendBatch(
      deps.db,
      batch.map((p) => p.command.meta.commandId),
      async (context) => {
        let working = await catchUp(context);
        caughtUp = working;
        const plans: PlannedCommand[] = [];
        const planned = new Set<string>();
        for (const { command } of batch) {
          const { commandId } = command.meta;
          if (context.handledBefore.has(commandId) || planned.has(commandId)) continue;
          planned.add(commandId);
          const { plan, next } = planOne(command, working);
          plans.push(plan);
          working = next;
        }
        return plans;
      },
      deps.now(),
    );
    // Committed: what we read and what we appended is now the known state. A conflict means our
    // picture of some stream was wrong, so the next batch reads the whole log again.
    const appended = results.flatMap((r) => (r.kind === 'appended' ? r.events : []));
    appended.sort((a, b) => a.position - b.position);
    known = results.some((r) => r.kind === 'conflict') ? unknown() : fold(caughtUp, appended);
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
      deps.trace({ kind: 'appended', events: appended, head });
    }
  };

  const failBatch = (batch: Pending<C>[], error: unknown) => {
    // Nothing of the batch was stored; forget what we thought we knew and read it again next time.
    known = unknown();
    const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    for (const { command, resolve } of batch)
      resolve({
        status: 'failed',
        commandId: command.meta.commandId,
        reason: `The event store could not save this command, so nothing was changed (${why})`,
      });
  };

  const pump = () => {
    if (inFlight || queue.length === 0) return;
    inFlight = true;
    const batch = queue.splice(0, maxBatch);
    runBatch(batch)
      .catch((error: unknown) => failBatch(batch, error))
      .finally(() => {
        inFlight = false;
        pump();
      });
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
    /** The state the next decision starts from (before catching up on other tabs' events). */
    currentState: (): { state: S; position: number } => ({
      state: known.state,
      position: known.position,
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

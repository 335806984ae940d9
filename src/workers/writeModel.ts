// The write model: validate a command, load the streams it touches, decide, append with the versions it
// read. A concurrent writer makes the append fail; then it reads again and decides once more.
import type { z } from 'zod';
import { DomainError, type CommandMeta, type DomainEvent, type WriteDomain } from '../domain/types';
import { fieldIssues, summarizeIssues } from '../domain/validation';
import type { EventsDelivery } from '../bus/messages';
import type { TraceFrame } from '../bus/trace';
import {
  append,
  ConcurrencyError,
  findCommand,
  readStream,
  type EventStoreDb,
  type StreamAppend,
} from '../eventstore';
import type { CommandOutcome } from './outcome';
import { createSerialQueue } from './serialQueue';

type AnyCommand = { type: string; meta: CommandMeta };

export type WriteModelDeps<S, C extends AnyCommand, E extends DomainEvent> = {
  db: EventStoreDb;
  domain: WriteDomain<S, C, E>;
  schema: z.ZodType<C>;
  now: () => string;
  publish: (delivery: EventsDelivery) => void;
  trace: (frame: TraceFrame) => void;
  maxAttempts?: number;
};

type Loaded<S> = { state: S; versions: Map<string, number> };

const load = async <S, C extends AnyCommand, E extends DomainEvent>(
  { db, domain }: WriteModelDeps<S, C, E>,
  command: C,
): Promise<Loaded<S>> => {
  let state = domain.initialState();
  const versions = new Map<string, number>();
  for (const streamId of domain.streamsOf(command)) {
    const events = await readStream(db, streamId);
    for (const event of events) state = domain.evolve(state, event as unknown as E);
    versions.set(streamId, events.at(-1)?.version ?? 0);
  }
  return { state, versions };
};

const groupByStream = <E extends DomainEvent>(
  events: readonly E[],
  streamOf: (event: E) => string,
  versions: ReadonlyMap<string, number>,
): StreamAppend[] => {
  const groups = new Map<string, E[]>();
  for (const event of events) {
    const streamId = streamOf(event);
    if (!versions.has(streamId))
      throw new Error(`Decider wrote to ${streamId}, which the command did not load`);
    groups.set(streamId, [...(groups.get(streamId) ?? []), event]);
  }
  return [...groups].map(([streamId, streamEvents]) => {
    const version = versions.get(streamId) ?? 0;
    return {
      streamId,
      expectedVersion: version === 0 ? 'no-stream' : version,
      events: streamEvents,
    };
  });
};

const decideAndAppend = async <S, C extends AnyCommand, E extends DomainEvent>(
  deps: WriteModelDeps<S, C, E>,
  command: C,
): Promise<CommandOutcome> => {
  const { commandId } = command.meta;
  const attempts = deps.maxAttempts ?? 3;
  for (let attempt = 1; ; attempt += 1) {
    const { state, versions } = await load(deps, command);
    let decided: E[];
    try {
      decided = deps.domain.decide(command, state);
    } catch (error) {
      if (error instanceof DomainError)
        return { status: 'rejected', commandId, reason: error.message };
      throw error;
    }
    try {
      const result = await append(deps.db, groupByStream(decided, deps.domain.streamOf, versions), {
        commandId,
        commandType: command.type,
        correlationId: commandId,
        causationId: commandId,
        recordedAt: deps.now(),
      });
      return { status: 'accepted', commandId, ...result };
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      if (attempt >= attempts)
        return {
          status: 'rejected',
          commandId,
          reason: `${error.message}. Another writer kept changing it; please try again.`,
        };
    }
  }
};

export const createWriteModel = <S, C extends AnyCommand, E extends DomainEvent>(
  deps: WriteModelDeps<S, C, E>,
) => {
  const serial = createSerialQueue();

  const handle = async (raw: unknown): Promise<CommandOutcome> => {
    const parsed = deps.schema.safeParse(raw);
    if (!parsed.success) {
      const issues = fieldIssues(parsed.error);
      const commandId = (raw as { meta?: { commandId?: unknown } } | null)?.meta?.commandId;
      return {
        status: 'invalid',
        commandId: typeof commandId === 'string' ? commandId : undefined,
        reason: summarizeIssues(issues),
        issues,
      };
    }
    const command = parsed.data;
    const earlier = await findCommand(deps.db, command.meta.commandId);
    if (earlier)
      return {
        status: 'accepted',
        commandId: command.meta.commandId,
        events: earlier.events,
        duplicate: true,
      };
    const outcome = await decideAndAppend(deps, command);
    if (outcome.status === 'accepted' && !outcome.duplicate && outcome.events.length > 0) {
      const head = outcome.events.at(-1)?.position ?? 0;
      deps.publish({ kind: 'events', events: outcome.events, head });
      deps.trace({ kind: 'appended', events: outcome.events, head });
    }
    return outcome;
  };

  return {
    /** Validates, decides and appends one command; commands are handled one at a time, in order. */
    dispatch: (raw: unknown): Promise<CommandOutcome> => serial(() => handle(raw)),
  };
};

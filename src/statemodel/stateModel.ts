// The designs that keep each aggregate's current state in place (no log as the source of truth).
// The same domain rules decide; the decided events are not kept as history, only used, in the same
// transaction as the new state, for what the design does with a write:
// - 'one-model' (no CQRS): nothing more. Queries read the same rows the writes update.
// - 'same-transaction' (CQRS): the views' rows are updated in the write's transaction, so a read
//   after the acknowledgement always sees the write; the write pays for the views' work.
// - 'after-commit' (CQRS, asynchronous views): an outbox row per event is written in the write's
//   transaction, and a relay sends them on after the commit (see outbox.ts): the write is not
//   slowed by the views, which lag behind it.
// Reads and writes share one queue here (one worker); consecutive writes share a transaction
// (group commit), and each command's outcome is recorded by its id in that transaction, as in the
// event-sourced write model, so comparisons are about the design, not about batching or
// bookkeeping: a command sent again is answered from its record, not applied twice.
import type { CommandOutcome } from '../bus/protocol';
import { labCommandSchema, labDomain, type LabState } from '../domain/lab';
import { projectStored, type Projection } from '../domain/projection';
import { available } from '../domain/shop/shop.state';
import { productStream } from '../domain/shop/events';
import { DomainError, type StoredEvent } from '../domain/types';
import { summarizeIssues, fieldIssues, type FieldIssue } from '../domain/validation';
import { CURRENT_SCHEMA_VERSION } from '../eventstore/upcast';
import { columnsAfter } from './oneModel';
import {
  clearStateModel,
  stateHead,
  type StateColumns,
  type StateCommandRecord,
  type StateModelDb,
} from './stateModelDb';

export type StateMode = 'one-model' | 'same-transaction' | 'after-commit';

export type StateOp = { kind: 'write'; command: unknown } | { kind: 'read'; sku: string };
export type WriteAnswer =
  { kind: 'write'; ok: true; position: number } | { kind: 'write'; ok: false; reason: string };
/** A product's stock as the current state holds it, and the position that state is up to date with. */
export type ReadAnswer = { kind: 'read'; available: number | null; asOfPosition: number };
export type StateAnswer = WriteAnswer | ReadAnswer;

// Rows of any view; the projection knows their shape.
type AnyProjection = Projection<unknown, never>;

export type StateModelDeps = {
  db: StateModelDb;
  mode: StateMode;
  /** The views a 'same-transaction' model keeps in the write's transaction. */
  views?: readonly AnyProjection[];
  /** Told of the events of each committed batch ('after-commit': the relay's cue). */
  committed?: (events: readonly StoredEvent[]) => void;
  now?: () => string;
};

/** What a write came to, in full (the bus's outcome and the comparison's answer are cut from it). */
type Decision =
  | {
      kind: 'accepted';
      commandId: string;
      /** The events decided now (none when the command was already recorded). */
      events: StoredEvent[];
      position: number;
      duplicate: boolean;
    }
  | { kind: 'rejected'; commandId: string; reason: string }
  | { kind: 'invalid'; commandId: string | undefined; reason: string; issues: FieldIssue[] };

type Pending = {
  op: StateOp;
  resolve: (answer: Decision | ReadAnswer) => void;
  reject: (e: unknown) => void;
};

const commandIdOf = (raw: unknown) => {
  const id = (raw as { meta?: { commandId?: unknown } } | null)?.meta?.commandId;
  return typeof id === 'string' ? id : undefined;
};

const toAnswer = (decision: Decision): WriteAnswer =>
  decision.kind === 'accepted'
    ? { kind: 'write', ok: true, position: decision.position }
    : { kind: 'write', ok: false, reason: decision.reason };

const toOutcome = (decision: Decision): CommandOutcome => {
  switch (decision.kind) {
    case 'accepted':
      return {
        status: 'accepted',
        commandId: decision.commandId,
        events: decision.events,
        duplicate: decision.duplicate,
      };
    case 'rejected':
      return { status: 'rejected', commandId: decision.commandId, reason: decision.reason };
    case 'invalid':
      return {
        status: 'invalid',
        commandId: decision.commandId,
        reason: decision.reason,
        issues: decision.issues,
      };
  }
};

const MAX_BATCH = 1_000;

/** Applies `events` to each view's rows; call inside the write's transaction. */
const updateViews = async (
  db: StateModelDb,
  views: readonly AnyProjection[],
  events: readonly StoredEvent[],
) => {
  for (const projection of views) {
    const changes = Object.entries(
      await projectStored(projection, events, async (keys) =>
        (await db.rows.bulkGet(keys.map((key) => [projection.name, key]))).map((row) => row?.value),
      ),
    );
    const puts = changes.flatMap(([key, value]) =>
      value === null ? [] : [{ view: projection.name, key, value }],
    );
    const deletes = changes.flatMap(([key, value]) =>
      value === null ? [[projection.name, key] as [string, string]] : [],
    );
    if (puts.length > 0) await db.rows.bulkPut(puts);
    if (deletes.length > 0) await db.rows.bulkDelete(deletes);
  }
};

export const createStateModel = ({
  db,
  mode,
  views = [],
  committed,
  now = () => new Date().toISOString(),
}: StateModelDeps) => {
  const queue: Pending[] = [];
  let busy = false;
  const tables =
    mode === 'same-transaction'
      ? [db.state, db.meta, db.rows]
      : mode === 'after-commit'
        ? [db.state, db.meta, db.outbox]
        : [db.state, db.meta];

  const writeBatch = async (commands: readonly unknown[]): Promise<Decision[]> => {
    const decided: StoredEvent[] = [];
    const decisions = await db.transaction('rw', [...tables, db.commands], async () => {
      const parsed = commands.map((raw) => labCommandSchema.safeParse(raw));
      const valid = parsed.flatMap((p) => (p.success ? [p.data] : []));
      const recorded = new Map<string, StateCommandRecord>();
      const records = await db.commands.bulkGet(valid.map((c) => c.meta.commandId));
      for (const record of records) if (record) recorded.set(record.commandId, record);
      const ids = [...new Set(valid.flatMap((command) => labDomain.streamsOf(command)))];
      const rows = await db.state.bulkGet(ids);
      const parts = new Map<string, { state: LabState; version: number; columns?: StateColumns }>();
      rows.forEach((row, i) => {
        const id = ids[i];
        if (id !== undefined && row)
          parts.set(id, {
            state: row.state as LabState,
            version: row.version,
            ...(row.columns ? { columns: row.columns } : {}),
          });
      });
      const partOf = (id: string) =>
        parts.get(id) ?? { state: labDomain.initialState(), version: 0 };
      let head = await stateHead(db);
      const changed = new Set<string>();
      const recordedAt = now();
      const fresh: StateCommandRecord[] = [];
      const decide = (raw: unknown, i: number): Decision => {
        const p = parsed[i];
        if (!p?.success) {
          const issues = p ? fieldIssues(p.error) : [];
          return {
            kind: 'invalid',
            commandId: commandIdOf(raw),
            reason: summarizeIssues(issues),
            issues,
          };
        }
        const command = p.data;
        const { commandId } = command.meta;
        const earlier = recorded.get(commandId);
        if (earlier)
          return earlier.outcome === 'accepted'
            ? {
                kind: 'accepted',
                commandId,
                events: [],
                position: earlier.position,
                duplicate: true,
              }
            : { kind: 'rejected', commandId, reason: earlier.reason };
        const record = (decision: Decision): Decision => {
          const entry: StateCommandRecord =
            decision.kind === 'accepted'
              ? { commandId, outcome: 'accepted', position: decision.position }
              : { commandId, outcome: 'rejected', reason: decision.reason };
          recorded.set(commandId, entry);
          fresh.push(entry);
          return decision;
        };
        try {
          const state = labDomain.combine(
            labDomain.streamsOf(command).map((id) => partOf(id).state),
          );
          const events: StoredEvent[] = [];
          for (const event of labDomain.decide(command, state)) {
            const streamId = labDomain.streamOf(event);
            const part = partOf(streamId);
            head += 1;
            const version = part.version + 1;
            const stored: StoredEvent = {
              ...event,
              position: head,
              streamId,
              version,
              meta: {
                commandId,
                correlationId: commandId,
                causationId: commandId,
                recordedAt,
                schemaVersion: CURRENT_SCHEMA_VERSION,
                commandType: command.type,
              },
            };
            parts.set(streamId, {
              state: labDomain.evolve(part.state, event),
              version,
              columns: columnsAfter(part.columns, stored),
            });
            changed.add(streamId);
            events.push(stored);
          }
          decided.push(...events);
          return record({ kind: 'accepted', commandId, events, position: head, duplicate: false });
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          return record({ kind: 'rejected', commandId, reason: error.message });
        }
      };
      const decisions = commands.map(decide);
      await db.state.bulkPut([...changed].map((streamId) => ({ streamId, ...partOf(streamId) })));
      await db.meta.put({ id: 'head', position: head });
      if (fresh.length > 0) await db.commands.bulkPut(fresh);
      if (mode === 'same-transaction') await updateViews(db, views, decided);
      if (mode === 'after-commit')
        await db.outbox.bulkAdd(decided.map((event) => ({ position: event.position, event })));
      return decisions;
    });
    if (decided.length > 0) committed?.(decided);
    return decisions;
  };

  const readBatch = (skus: readonly string[]): Promise<ReadAnswer[]> =>
    db.transaction('r', db.state, db.meta, async () => {
      const rows = await db.state.bulkGet(skus.map(productStream));
      const asOfPosition = await stateHead(db);
      return skus.map((sku, i) => {
        const product = (rows[i]?.state as LabState | undefined)?.shop.products[sku];
        return { kind: 'read', available: product ? available(product) : null, asOfPosition };
      });
    });

  /** Serves the queue in order: a run of writes in one transaction, then a run of reads. */
  const pump = async () => {
    if (busy) return;
    busy = true;
    try {
      for (let first = queue[0]; first; first = queue[0]) {
        const kind = first.op.kind;
        let n = 0;
        while (n < queue.length && n < MAX_BATCH && queue[n]?.op.kind === kind) n += 1;
        const batch = queue.splice(0, n);
        try {
          const answers: (Decision | ReadAnswer)[] =
            kind === 'write'
              ? await writeBatch(batch.map((p) => (p.op as { command: unknown }).command))
              : await readBatch(batch.map((p) => (p.op as { sku: string }).sku));
          batch.forEach((p, i) => {
            const answer = answers[i];
            if (answer) p.resolve(answer);
          });
        } catch (error) {
          for (const p of batch) p.reject(error);
        }
      }
    } finally {
      busy = false;
    }
  };

  const enqueue = (op: StateOp) =>
    new Promise<Decision | ReadAnswer>((resolve, reject) => {
      queue.push({ op, resolve, reject });
      void pump();
    });

  return {
    mode,
    /** Queues one operation; resolves with its answer once everything ahead of it is done. */
    handle: async (op: StateOp): Promise<StateAnswer> => {
      const answer = await enqueue(op);
      return answer.kind === 'read' ? answer : toAnswer(answer);
    },
    /** One command, answered as the bus expects; a store failure is a 'failed' outcome. */
    dispatch: async (command: unknown): Promise<CommandOutcome> => {
      try {
        return toOutcome((await enqueue({ kind: 'write', command })) as Decision);
      } catch (error) {
        const commandId = commandIdOf(command) ?? '';
        return {
          status: 'failed',
          commandId,
          reason: `The store could not save this command, so nothing was changed (${error instanceof Error ? error.message : String(error)})`,
        };
      }
    },
    /** Forgets everything stored. */
    reset: () => clearStateModel(db),
  };
};

export type StateModel = ReturnType<typeof createStateModel>;

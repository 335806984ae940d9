// The design without CQRS, for comparison: one model, one store, one queue. Each aggregate's state
// is stored in place (no log); the same domain rules decide. Reads and writes share the queue, so a
// read waits for the writes ahead of it. Like the write model, consecutive writes share a
// transaction (group commit), so the comparison is about the split, not about batching. Unlike the
// write model it keeps no record of command ids: a command sent twice is applied twice (the
// comparison's workload never resends).
import { labCommandSchema, labDomain, type LabState } from '../domain/lab';
import { available } from '../domain/shop/shop.state';
import { productStream } from '../domain/shop/events';
import { DomainError } from '../domain/types';
import { summarizeIssues, fieldIssues } from '../domain/validation';
import type { SingleModelDb } from './singleModelDb';

export type SingleOp = { kind: 'write'; command: unknown } | { kind: 'read'; sku: string };
export type WriteAnswer =
  { kind: 'write'; ok: true } | { kind: 'write'; ok: false; reason: string };
export type ReadAnswer = { kind: 'read'; available: number | null };
export type SingleAnswer = WriteAnswer | ReadAnswer;

type Pending = {
  op: SingleOp;
  resolve: (answer: SingleAnswer) => void;
  reject: (e: unknown) => void;
};

const MAX_BATCH = 1_000;

export const createSingleModel = (db: SingleModelDb) => {
  const queue: Pending[] = [];
  let busy = false;

  const writeBatch = (commands: readonly unknown[]): Promise<WriteAnswer[]> =>
    db.transaction('rw', db.state, async () => {
      const parsed = commands.map((raw) => labCommandSchema.safeParse(raw));
      const ids = [
        ...new Set(parsed.flatMap((p) => (p.success ? labDomain.streamsOf(p.data) : []))),
      ];
      const rows = await db.state.bulkGet(ids);
      const parts = new Map<string, LabState>();
      rows.forEach((row, i) => {
        const id = ids[i];
        if (id !== undefined && row) parts.set(id, row.state as LabState);
      });
      const partOf = (id: string) => parts.get(id) ?? labDomain.initialState();
      const changed = new Set<string>();
      const answers = parsed.map((p): WriteAnswer => {
        if (!p.success)
          return { kind: 'write', ok: false, reason: summarizeIssues(fieldIssues(p.error)) };
        try {
          const state = labDomain.combine(labDomain.streamsOf(p.data).map(partOf));
          for (const event of labDomain.decide(p.data, state)) {
            const id = labDomain.streamOf(event);
            parts.set(id, labDomain.evolve(partOf(id), event));
            changed.add(id);
          }
          return { kind: 'write', ok: true };
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          return { kind: 'write', ok: false, reason: error.message };
        }
      });
      await db.state.bulkPut(
        [...changed].map((streamId) => ({ streamId, state: partOf(streamId) })),
      );
      return answers;
    });

  const readBatch = (skus: readonly string[]): Promise<ReadAnswer[]> =>
    db.transaction('r', db.state, async () => {
      const rows = await db.state.bulkGet(skus.map(productStream));
      return skus.map((sku, i) => {
        const product = (rows[i]?.state as LabState | undefined)?.shop.products[sku];
        return { kind: 'read', available: product ? available(product) : null };
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
          const answers: SingleAnswer[] =
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

  return {
    /** Queues one operation; resolves with its answer once everything ahead of it is done. */
    handle: (op: SingleOp): Promise<SingleAnswer> =>
      new Promise((resolve, reject) => {
        queue.push({ op, resolve, reject });
        void pump();
      }),
    /** Forgets every stored state. */
    reset: () => db.state.clear(),
  };
};

// Chapter 10's workload: the same seeded sequence of reads and writes for every design, and how the
// timings of a run are summed up.
import { workloadOp, type WorkloadOp } from '../domain/shop/workload';

export type { WorkloadOp };

export type Mix = 'write-heavy' | 'read-heavy';

export const MIXES: readonly { id: Mix; name: string; readShare: number }[] = [
  { id: 'write-heavy', name: 'Write-heavy mix (10% reads)', readShare: 0.1 },
  { id: 'read-heavy', name: 'Read-heavy mix (90% reads)', readShare: 0.9 },
];

/** Products every design starts with, each with stock that the run cannot exhaust. */
export const WORKLOAD_SKUS = ['CMP-1', 'CMP-2', 'CMP-3', 'CMP-4', 'CMP-5'] as const;
export const WORKLOAD_STOCK = 1_000_000;

/** `count` operations, a `readShare` of them reads, on the workload's products; same seed, same ops. */
export const workload = (
  { readShare, count, seed }: { readShare: number; count: number; seed: number },
  run: string,
): WorkloadOp[] =>
  Array.from({ length: count }, (_, i) =>
    workloadOp({ seed, readShare, skus: WORKLOAD_SKUS }, run, i),
  );

/** The value below which `p` (0–100) percent of the values fall (nearest rank); null if none. */
export const percentile = (values: readonly number[], p: number): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? null;
};

/** What one design did with one mix. */
export type DesignRun = {
  reads: number[];
  writes: number[];
  /** Reads answered from a state older than a write acknowledged before the read was sent. */
  staleReads: number;
  /** The longest a write had been acknowledged when a read sent after that still missed it (ms). */
  stalenessMs: number;
  /** The most events acknowledged before a read was sent that its answer did not include. */
  stalenessEvents: number;
  refusedWrites: number;
  /** Real ms from the first operation sent to the last answered. */
  elapsedMs: number;
};

export type DesignSummary = {
  reads: number;
  writes: number;
  readP50: number | null;
  readP95: number | null;
  writeP50: number | null;
  writeP95: number | null;
  staleReads: number;
  stalenessMs: number;
  stalenessEvents: number;
  refusedWrites: number;
  elapsedMs: number;
};

const oneDecimal = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

export const summarizeDesign = (run: DesignRun): DesignSummary => ({
  reads: run.reads.length,
  writes: run.writes.length,
  readP50: oneDecimal(percentile(run.reads, 50)),
  readP95: oneDecimal(percentile(run.reads, 95)),
  writeP50: oneDecimal(percentile(run.writes, 50)),
  writeP95: oneDecimal(percentile(run.writes, 95)),
  staleReads: run.staleReads,
  stalenessMs: oneDecimal(run.stalenessMs) ?? 0,
  stalenessEvents: run.stalenessEvents,
  refusedWrites: run.refusedWrites,
  elapsedMs: Math.round(run.elapsedMs),
});

// A steady shop workload, as a pure function of its seed: operation i of a run is always the same
// read or order, so a run can be replayed, and two designs can be given the very same one.
import { seededUnit } from '../seeded';

export type WorkloadOp =
  { kind: 'write'; sku: string; orderId: string } | { kind: 'read'; sku: string };

export type WorkloadSpec = {
  seed: number;
  /** The share of operations that are reads (0–1). */
  readShare: number;
  /** The products it orders and reads, each with stock the run cannot exhaust. */
  skus: readonly string[];
};

/** Operation `i` (from 0) of a run named `run`: its orders are `<run>-1`, `<run>-2`, … */
export const workloadOp = ({ seed, readShare, skus }: WorkloadSpec, run: string, i: number) => {
  const sku = skus[Math.floor(seededUnit(seed, i * 2 + 1) * skus.length)] ?? skus[0] ?? '';
  const op: WorkloadOp =
    seededUnit(seed, i * 2) < readShare
      ? { kind: 'read', sku }
      : { kind: 'write', sku, orderId: `${run}-${String(i + 1)}` };
  return op;
};

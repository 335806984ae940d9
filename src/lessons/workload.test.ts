import { describe, expect, it } from 'vitest';
import { MIXES, percentile, summarizeDesign, workload, WORKLOAD_SKUS } from './workload';

describe('The comparison workload', () => {
  it('is the same for the same seed, whichever design runs it (only order ids are named per run)', () => {
    const a = workload({ readShare: 0.5, count: 200, seed: 7 }, 'single');
    const b = workload({ readShare: 0.5, count: 200, seed: 7 }, 'split');
    expect(a.map((op) => [op.kind, op.sku])).toEqual(b.map((op) => [op.kind, op.sku]));
    expect(workload({ readShare: 0.5, count: 200, seed: 8 }, 'single')).not.toEqual(a);
  });

  it.each(MIXES.map((mix) => [mix.id, mix.readShare] as const))(
    'has about the read share of the %s mix, on the workload’s products only',
    (_, readShare) => {
      const ops = workload({ readShare, count: 2_000, seed: 1 }, 'run');
      const reads = ops.filter((op) => op.kind === 'read').length / ops.length;
      expect(Math.abs(reads - readShare)).toBeLessThan(0.04);
      for (const op of ops) expect(WORKLOAD_SKUS).toContain(op.sku);
    },
  );

  it('names every order once', () => {
    const ops = workload({ readShare: 0.1, count: 500, seed: 3 }, 'run');
    const ids = ops.flatMap((op) => (op.kind === 'write' ? [op.orderId] : []));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('Percentiles and summaries', () => {
  it('take the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([5], 99)).toBe(5);
    expect(percentile([], 50)).toBeNull();
  });

  it('sum a design’s run up, to a tenth of a millisecond', () => {
    expect(
      summarizeDesign({
        reads: [1.26, 3, 2],
        writes: [10.04, 12.36],
        staleReads: 1,
        stalenessMs: 7.25,
        stalenessEvents: 3,
        refusedWrites: 0,
        elapsedMs: 2003.6,
      }),
    ).toEqual({
      reads: 3,
      writes: 2,
      readP50: 2,
      readP95: 3,
      writeP50: 10,
      writeP95: 12.4,
      staleReads: 1,
      stalenessMs: 7.3,
      stalenessEvents: 3,
      refusedWrites: 0,
      elapsedMs: 2004,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { median, STRATEGIES, summarizeRuns, type StrategyRun } from './readYourWrites';

const run = (over: Partial<StrategyRun>): StrategyRun => ({
  strategy: 'plain',
  ackMs: 100,
  shownMs: 120,
  stale: false,
  rolledBack: false,
  ...over,
});

describe('Read-your-writes tries', () => {
  it('take the middle value, or the mean of the two middle ones, rounded', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([30, 10, 20])).toBe(20);
    expect(median([10, 40, 20, 30])).toBe(25);
    expect(median([1.2, 1.9])).toBe(2);
  });

  it('are summed up per strategy: tries, stale answers, rollbacks and median times', () => {
    const summary = summarizeRuns([
      run({ strategy: 'plain', stale: true, ackMs: 90, shownMs: 110 }),
      run({ strategy: 'plain', stale: true, ackMs: 110, shownMs: 150 }),
      run({ strategy: 'plain', stale: false, ackMs: 400, shownMs: 420 }),
      run({ strategy: 'optimistic', rolledBack: true, shownMs: null, ackMs: 80 }),
      run({ strategy: 'wait', ackMs: 100, shownMs: 1600 }),
    ]);
    expect(summary.plain).toEqual({ tries: 3, stale: 2, rolledBack: 0, ackMs: 110, shownMs: 150 });
    expect(summary.optimistic).toEqual({
      tries: 1,
      stale: 0,
      rolledBack: 1,
      ackMs: 80,
      shownMs: null,
    });
    expect(summary.wait.shownMs).toBe(1600);
    expect(summary.inline).toEqual({
      tries: 0,
      stale: 0,
      rolledBack: 0,
      ackMs: null,
      shownMs: null,
    });
  });

  it('cover the four strategies of the lesson plus the plain read, each named once', () => {
    expect(STRATEGIES.map((s) => s.id)).toEqual([
      'plain',
      'wait',
      'write-model',
      'optimistic',
      'inline',
    ]);
    expect(new Set(STRATEGIES.map((s) => s.name)).size).toBe(STRATEGIES.length);
  });
});

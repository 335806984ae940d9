// Chapter 5's strategies for reading your own writes, and how their tries are summed up.

export type Strategy = 'plain' | 'wait' | 'write-model' | 'optimistic' | 'inline';

export const READ_YOUR_WRITES = { from: 'ACC-1', to: 'ACC-2' } as const;

export const STRATEGIES: readonly { id: Strategy; name: string; how: string }[] = [
  {
    id: 'plain',
    name: 'Read the view at once',
    how: 'No strategy: ask Account balances as soon as the write is acknowledged.',
  },
  {
    id: 'wait',
    name: 'Wait for the view',
    how: 'Wait until the view’s checkpoint reaches the transfer’s position, then ask it.',
  },
  {
    id: 'write-model',
    name: 'Read from the write model',
    how: 'Fold the account’s stream from the log, as the write model does to decide.',
  },
  {
    id: 'optimistic',
    name: 'Optimistic UI',
    how: 'Show the last balance minus the amount at once, before the write is acknowledged.',
  },
  {
    id: 'inline',
    name: 'Inline projection',
    how: 'Read a balance table the write model updates in the same transaction as the append.',
  },
];

export type StrategyRun = {
  strategy: Strategy;
  /** Real ms from sending the transfer to its acknowledgement. */
  ackMs: number;
  /** Real ms from sending the transfer to a balance on screen (null if refused). */
  shownMs: number | null;
  /** The balance shown was not the account's balance after the transfer. */
  stale: boolean;
  /** An optimistic balance was shown for a transfer that was then refused. */
  rolledBack: boolean;
};

export type StrategySummary = {
  tries: number;
  stale: number;
  rolledBack: number;
  /** Medians, whole ms; null before the first try. */
  ackMs: number | null;
  shownMs: number | null;
};

export const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 === 1
      ? (sorted[middle] ?? 0)
      : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return Math.round(value);
};

export const summarizeRuns = (runs: readonly StrategyRun[]): Record<Strategy, StrategySummary> => {
  const summary = {} as Record<Strategy, StrategySummary>;
  for (const { id } of STRATEGIES) {
    const mine = runs.filter((r) => r.strategy === id);
    summary[id] = {
      tries: mine.length,
      stale: mine.filter((r) => r.stale).length,
      rolledBack: mine.filter((r) => r.rolledBack).length,
      ackMs: median(mine.map((r) => r.ackMs)),
      shownMs: median(mine.flatMap((r) => (r.shownMs === null ? [] : [r.shownMs]))),
    };
  }
  return summary;
};

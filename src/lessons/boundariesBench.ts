// Chapter 16's bench, as the chapter names it: its controls, what a run reports in words, and what
// the page reports to the chapter's check.
import type { Boundary, Window } from '../process/workload';
import { median } from './readYourWrites';

export const BOUNDARY_LABELS = {
  run: {
    together: 'Run with order and stock together',
    apart: 'Run with order and stock apart',
  } satisfies Record<Boundary, string>,
} as const;

/** What a run reports, as the bench shows it. */
export type Run = {
  boundary: Boundary;
  accepted: number;
  refused: number;
  conflicts: number;
  decidedMs: number;
  windows: readonly Window[];
};

const ms = (value: number) => `${Math.round(value).toLocaleString('en-GB')} ms`;

/** The rows of the runs table: one measure per row, a column per boundary. */
export const MEASURES: readonly { name: string; of: (run: Run) => string }[] = [
  { name: 'Accepted at the desk', of: (run) => String(run.accepted) },
  { name: 'Refused at the desk: no stock', of: (run) => String(run.refused) },
  { name: 'Conflicts: appends tried again', of: (run) => String(run.conflicts) },
  {
    name: 'Orders decided per second at the desks',
    of: (run) =>
      `${(((run.accepted + run.refused) * 1000) / run.decidedMs).toFixed(0)} (all in ${ms(run.decidedMs)})`,
  },
  {
    name: 'Accepted, then cancelled: no stock',
    of: (run) =>
      run.boundary === 'together'
        ? '0: each order was decided with its stock'
        : String(run.windows.filter((w) => w.outcome === 'refused').length),
  },
  {
    name: 'Accepted, waiting for the stock’s answer',
    of: (run) => {
      if (run.boundary === 'together') return 'never: the answer came with the order';
      const longest = run.windows.reduce<Window | undefined>(
        (a, w) => (a && a.ms >= w.ms ? a : w),
        undefined,
      );
      return longest
        ? `median ${ms(median(run.windows.map((w) => w.ms)) ?? 0)}; longest ${ms(longest.ms)} (${longest.orderId}, ${String(longest.events)} events appended meanwhile)`
        : 'no order was placed';
    },
  },
];

/** What a run shows the chapter: refusals at the desk together, cancellations after a yes apart. */
export const runActivity = (run: Run): string | null => {
  if (run.boundary === 'together')
    return run.refused > 0 && run.windows.length === 0 ? 'boundary:together' : null;
  return run.windows.some((w) => w.outcome === 'refused') ? 'boundary:apart' : null;
};

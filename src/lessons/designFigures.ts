// Reading what the four designs did on the learner's own machine: which answered behind a write,
// and a few sentences that say what this run measured and which part of each design it comes from.
import { DESIGN_IDS, DESIGN_NAMES, type DesignId } from '../statemodel/designs';
import type { DesignSummary } from './workload';

export type { DesignId };
export { DESIGN_IDS, DESIGN_NAMES };

/** The choices of "which designs answered a read that missed an acknowledged write?". */
export const STALE_CHOICES = [
  'Only designs that update their view after the commit',
  'Every CQRS design, but not the one model',
  'All four designs',
  'None of the four, in this run',
] as const;

/** The choice the figures support, from every run shown (never fixed in advance). */
export const staleChoice = (
  runs: readonly Readonly<Record<DesignId, Pick<DesignSummary, 'staleReads'>>>[],
): number => {
  const stale = new Set(DESIGN_IDS.filter((id) => runs.some((run) => run[id].staleReads > 0)));
  if (stale.size === 0) return 3;
  if (stale.has('one-model')) return 2;
  if (stale.has('same-transaction')) return 1;
  return 0;
};

/** Why a design's writes may take longer, in this lab: said of the design whose writes were slowest. */
const WRITE_WORK: Record<DesignId, string> = {
  'one-model':
    'In this lab its writes share one worker’s queue with its reads, so a write waits behind the reads sent before it; a real database would not make them queue like this.',
  'same-transaction': 'Its write also updates the view’s rows, inside its transaction.',
  'after-commit':
    'Its write also adds an outbox row per event, inside its transaction, and its relay reads them back and sends them on from the same worker.',
  'event-sourced':
    'Its write appends each event as a row of its own, checking each stream’s version.',
};

/** Said when the event-sourced design had the fastest writes: where that comes from here. */
const LOG_WRITES_FAST =
  'its write side keeps each stream’s state in memory between writes, while the other designs read their rows from the database each time: that is how this lab is built, not a property of event sourcing.';

/** Why a design's reads may wait, in this lab: said of the design whose reads were slowest. */
const ASYNC_READ_WAIT =
  'Its view applies updates and answers reads one at a time, so a read waits behind the updates handed to it first, in a worker that shares the cores with the write side. That comes from this lab’s asynchronous view, not from CQRS or event sourcing.';
const READ_WAIT: Record<DesignId, string> = {
  'one-model':
    'In this lab the one model answers reads and writes from one worker’s queue, so a read waits behind the writes sent before it; a real database serves reads while it writes.',
  'same-transaction':
    'Its reads use the same database as its writes, and a read waits while a write’s transaction holds the view’s table. That is IndexedDB: in PostgreSQL, a read would not wait for a writer.',
  'after-commit': ASYNC_READ_WAIT,
  'event-sourced': ASYNC_READ_WAIT,
};

/** Gaps smaller than this (ms) are within the noise of one run: no design is named for them. */
const NOISE_MS = 1;

const ms = (value: number | null) => (value === null ? '–' : `${value.toFixed(1)} ms`);

/**
 * One sentence on the p50s `of` picks out: the lowest and highest design, and why the highest
 * (`why`, plus `also` about the lowest); or that they were too close to tell apart. Null if none.
 */
const compared = (
  run: Readonly<Record<DesignId, DesignSummary>>,
  label: string,
  of: (summary: DesignSummary) => number | null,
  why: (slowest: DesignId) => string,
  also: (fastest: DesignId) => string = () => '',
): string | null => {
  const measured = DESIGN_IDS.filter((id) => of(run[id]) !== null);
  const sorted = [...measured].sort((a, b) => (of(run[a]) ?? 0) - (of(run[b]) ?? 0));
  const fastest = sorted[0];
  const slowest = sorted.at(-1);
  if (!fastest || !slowest) return null;
  const low = of(run[fastest]) ?? 0;
  const high = of(run[slowest]) ?? 0;
  return high - low < NOISE_MS
    ? `${label}: every design’s p50 was between ${ms(low)} and ${ms(high)}, within the noise of one run: too close to tell apart.`
    : `${label}: the lowest p50 was ${DESIGN_NAMES[fastest]} (${ms(low)}), the highest ${DESIGN_NAMES[slowest]} (${ms(high)}). ${why(slowest)}${also(fastest)}`;
};

/** A few sentences on one mix's figures, as this machine measured them. */
export const explainRun = (
  run: Readonly<Record<DesignId, DesignSummary>>,
  cores: number | null,
): string[] => {
  const sentences: string[] = [];
  const writes = compared(
    run,
    'Writes',
    (s) => s.writeP50,
    (slowest) => WRITE_WORK[slowest],
    (fastest) =>
      fastest === 'event-sourced'
        ? ` ${DESIGN_NAMES['event-sourced']} wrote fastest here because ${LOG_WRITES_FAST}`
        : '',
  );
  if (writes) sentences.push(writes);
  const reads = compared(
    run,
    'Reads',
    (s) => s.readP50,
    (slowest) => READ_WAIT[slowest],
  );
  if (reads) sentences.push(reads);
  const stale = DESIGN_IDS.filter((id) => run[id].staleReads > 0);
  sentences.push(
    stale.length === 0
      ? 'No read missed a write already acknowledged in this run.'
      : `Reads that missed a write already acknowledged: ${stale
          .map(
            (id) =>
              `${DESIGN_NAMES[id]}, ${String(run[id].staleReads)} of ${String(run[id].reads)}, up to ${ms(run[id].stalenessMs)} after the write was acknowledged and ${String(run[id].stalenessEvents)} ${run[id].stalenessEvents === 1 ? 'event' : 'events'} behind it`,
          )
          .join('; ')}.`,
  );
  const caughtNone = (['after-commit', 'event-sourced'] as const).filter(
    (id) => run[id].staleReads === 0,
  );
  if (caughtNone.length > 0)
    sentences.push(
      `${caughtNone.map((id) => DESIGN_NAMES[id]).join(' and ')}: 0 here means that in this run each update reached the view before any read sent after its write did; the window exists, but no read fell inside it.`,
    );
  sentences.push(
    `${cores === null ? 'This browser does not say how many cores it has' : `This browser reports ${String(cores)} logical cores`}: each design but the first runs two workers at once, which share them.`,
  );
  return sentences;
};

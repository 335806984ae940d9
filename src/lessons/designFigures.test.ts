import { describe, expect, it } from 'vitest';
import { DESIGN_PICKS } from './designPicks';
import { DESIGN_IDS, explainRun, STALE_CHOICES, staleChoice, type DesignId } from './designFigures';
import type { DesignSummary } from './workload';

const summary = (over: Partial<DesignSummary> = {}): DesignSummary => ({
  reads: 80,
  writes: 720,
  readP50: 2,
  readP95: 5,
  writeP50: 4,
  writeP95: 9,
  staleReads: 0,
  stalenessMs: 0,
  stalenessEvents: 0,
  refusedWrites: 0,
  elapsedMs: 2000,
  ...over,
});

const run = (over: Partial<Record<DesignId, Partial<DesignSummary>>> = {}) =>
  Object.fromEntries(DESIGN_IDS.map((id) => [id, summary(over[id])])) as Record<
    DesignId,
    DesignSummary
  >;

describe('Reading which designs answered behind an acknowledged write', () => {
  it.each([
    ['only the asynchronous ones', [run({ 'event-sourced': { staleReads: 3 } })], 0],
    [
      'both asynchronous ones, over two runs',
      [run({ 'after-commit': { staleReads: 1 } }), run({ 'event-sourced': { staleReads: 2 } })],
      0,
    ],
    ['the same-transaction design too', [run({ 'same-transaction': { staleReads: 1 } })], 1],
    [
      'the one model too',
      [run({ 'one-model': { staleReads: 1 }, 'after-commit': { staleReads: 1 } })],
      2,
    ],
    ['none of them', [run(), run()], 3],
  ] as const)('names %s', (_, runs, choice) => {
    expect(staleChoice(runs)).toBe(choice);
    expect(STALE_CHOICES[choice]).toBeDefined();
  });
});

describe('Explaining one mix’s run', () => {
  it('names the designs with the lowest and highest write p50, and what the slowest write does', () => {
    const sentences = explainRun(
      run({ 'one-model': { writeP50: 1.5 }, 'same-transaction': { writeP50: 7.25 } }),
      2,
    );
    expect(sentences[0]).toBe(
      'Writes: the lowest p50 was One model (no CQRS) (1.5 ms), the highest CQRS, views in the same transaction (7.3 ms). Its write also updates the view’s rows, inside its transaction.',
    );
  });

  it('blames the lab’s shared queue, not the design, when the one model writes slowest', () => {
    const [writes] = explainRun(run({ 'one-model': { writeP50: 20 } }), 2);
    expect(writes).toMatch(
      /the highest One model \(no CQRS\) \(20\.0 ms\)\. In this lab its writes share one worker’s queue with its reads.*a real database would not make them queue like this\.$/,
    );
  });

  it('says where fast event-sourced writes come from in this lab', () => {
    const [writes] = explainRun(
      run({ 'event-sourced': { writeP50: 1 }, 'after-commit': { writeP50: 9 } }),
      2,
    );
    expect(writes).toMatch(
      /^Writes: the lowest p50 was CQRS with event sourcing \(1\.0 ms\).* CQRS with event sourcing wrote fastest here because its write side keeps each stream’s state in memory between writes.*not a property of event sourcing\.$/,
    );
  });

  it('names no design when the gap is within the noise of one run', () => {
    const [writes, reads] = explainRun(
      run({ 'one-model': { writeP50: 4.6, readP50: 2.4 }, 'event-sourced': { readP50: 1.8 } }),
      2,
    );
    expect(writes).toBe(
      'Writes: every design’s p50 was between 4.0 ms and 4.6 ms, within the noise of one run: too close to tell apart.',
    );
    expect(reads).toMatch(/^Reads: every design’s p50 was between 1\.8 ms and 2\.4 ms/);
  });

  it('names the designs with the lowest and highest read p50, and says the lab’s one model queues reads', () => {
    const [, reads] = explainRun(
      run({ 'one-model': { readP50: 40 }, 'after-commit': { readP50: 0.5 } }),
      2,
    );
    expect(reads).toMatch(
      /^Reads: the lowest p50 was CQRS, views updated after commit \(0\.5 ms\), the highest One model \(no CQRS\) \(40\.0 ms\)\. In this lab the one model answers reads and writes from one worker’s queue/,
    );
  });

  it('lists the designs with possibly stale reads, with counts and the window', () => {
    const sentences = explainRun(
      run({
        'event-sourced': { staleReads: 4, reads: 80, stalenessMs: 12.34, stalenessEvents: 6 },
      }),
      2,
    );
    expect(sentences).toContain(
      'Reads that missed a write already acknowledged: CQRS with event sourcing, 4 of 80, up to 12.3 ms after the write was acknowledged and 6 events behind it.',
    );
  });

  it('says why an asynchronous view’s reads waited when they were the slowest', () => {
    const [, reads] = explainRun(run({ 'event-sourced': { readP50: 80 } }), 2);
    expect(reads).toMatch(
      /the highest CQRS with event sourcing \(80\.0 ms\)\. Its view applies updates and answers reads one at a time.*not from CQRS or event sourcing\.$/,
    );
  });

  it('says what 0 possibly stale reads means for a design whose view is updated after the commit', () => {
    const sentences = explainRun(run({ 'after-commit': { staleReads: 2 } }), 2);
    expect(sentences).toContain(
      'CQRS with event sourcing: 0 here means that in this run each update reached the view before any read sent after its write did; the window exists, but no read fell inside it.',
    );
    expect(sentences.join(' ')).not.toMatch(/CQRS, views updated after commit: 0 here/);
  });

  it('says when no read missed an acknowledged write', () => {
    expect(explainRun(run(), 2)).toContain(
      'No read missed a write already acknowledged in this run.',
    );
  });

  it('says how many cores the browser reports, or that it does not say', () => {
    expect(explainRun(run(), 2).at(-1)).toMatch(/^This browser reports 2 logical cores: /);
    expect(explainRun(run(), null).at(-1)).toMatch(
      /^This browser does not say how many cores it has: /,
    );
  });
});

describe('Chapter 11’s systems to pick a design for', () => {
  it.each(DESIGN_PICKS.map((pick) => [pick.name, pick] as const))(
    '%s says why each design fits or not, and only its best pick is “Right”',
    (_, pick) => {
      for (const id of DESIGN_IDS) {
        expect(pick.reasons[id].length).toBeGreaterThan(40);
        expect(pick.reasons[id].startsWith('Right:')).toBe(id === pick.best);
      }
    },
  );

  it('has a different best design for each system', () => {
    expect(new Set(DESIGN_PICKS.map((pick) => pick.best)).size).toBe(DESIGN_PICKS.length);
  });
});

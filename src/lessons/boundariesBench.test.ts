// What a run of chapter 16's bench says, and what it reports to the chapter: refusals at the desk
// together, cancellations after a yes apart, and the wait for the stock's answer.
import { describe, expect, it } from 'vitest';
import { MEASURES, runActivity, type Run } from './boundariesBench';

const together: Run = {
  boundary: 'together',
  accepted: 30,
  refused: 10,
  conflicts: 57,
  decidedMs: 2000,
  windows: [],
};
const apart: Run = {
  boundary: 'apart',
  accepted: 40,
  refused: 0,
  conflicts: 0,
  decidedMs: 250,
  windows: [
    { orderId: 'ORD-1', ms: 12, events: 1, outcome: 'reserved' },
    { orderId: 'ORD-2', ms: 30, events: 3, outcome: 'reserved' },
    { orderId: 'ORD-40', ms: 480, events: 77, outcome: 'refused' },
  ],
};
const measure = (name: string, run: Run) => MEASURES.find((m) => m.name === name)?.of(run);

describe('A run of the boundaries bench', () => {
  it('reports refusals at the desk together, and cancellations after a yes apart', () => {
    expect(runActivity(together)).toBe('boundary:together');
    expect(runActivity(apart)).toBe('boundary:apart');
    // Apart with every order reserved (more stock than orders) shows no cancellation.
    expect(runActivity({ ...apart, windows: apart.windows.slice(0, 2) })).toBeNull();
    expect(runActivity({ ...together, refused: 0 })).toBeNull();
  });

  it('says how fast the desks decided and how long an accepted order waited', () => {
    expect(measure('Orders decided per second at the desks', together)).toBe(
      '20 (all in 2,000 ms)',
    );
    expect(measure('Accepted, then cancelled: no stock', apart)).toBe('1');
    expect(measure('Accepted, waiting for the stock’s answer', apart)).toBe(
      'median 30 ms; longest 480 ms (ORD-40, 77 events appended meanwhile)',
    );
    expect(measure('Accepted, waiting for the stock’s answer', together)).toBe(
      'never: the answer came with the order',
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ViewPhase } from '../bus/protocol';
import {
  answersFrom,
  caughtUp,
  inOrder,
  isStale,
  newEvents,
  once,
  runCheck,
  startedAt,
} from './checks';
import type { Handed, Observation } from './types';
import { event as storedEvent, observation } from './testing/observation';

const event = (position: number, type: string) =>
  storedEvent(position, type, 'product-SKU-1', position);

const handed = (over: Partial<Handed> = {}): Handed => ({
  kind: 'answer',
  from: 'Stock levels',
  to: 'UI',
  deliveredAt: 0,
  ...over,
});

/** An observation whose hand-overs carry the given kinds: the stages below look for them. */
const marked = (...kinds: string[]): Observation =>
  observation({ delivered: kinds.map((kind) => handed({ kind })) });

const saw =
  (kind: string) =>
  (_: Observation, now: Observation): boolean =>
    now.delivered.some((d) => d.kind === kind);

describe('A check that is done once', () => {
  const headAtThree = once('The head reached #3', (_, now) => now.head === 3);

  it('is not done on the starting observation, even when it already holds there', () => {
    expect(runCheck(headAtThree, [observation({ head: 3 })])).toBe(false);
    expect(headAtThree.done(headAtThree.start(observation({ head: 3 })))).toBe(false);
  });

  it('is not done while what it looks for has not been seen', () =>
    expect(
      runCheck(headAtThree, [observation(), observation({ head: 1 }), observation({ head: 2 })]),
    ).toBe(false));

  it('is done as soon as it has been seen', () =>
    expect(runCheck(headAtThree, [observation(), observation({ head: 3 })])).toBe(true));

  it('stays done after what it saw has gone', () =>
    expect(
      runCheck(headAtThree, [observation(), observation({ head: 3 }), observation({ head: 4 })]),
    ).toBe(true));

  it('compares each observation with the first one', () => {
    const grew = once('The log grew', (first, now) => now.head > first.head);
    expect(runCheck(grew, [observation({ head: 5 }), observation({ head: 5 })])).toBe(false);
    expect(runCheck(grew, [observation({ head: 5 }), observation({ head: 6 })])).toBe(true);
  });

  it('keeps its description', () => expect(headAtThree.describe).toBe('The head reached #3'));

  it('is done exactly when some observation after the first held', () =>
    fc.assert(
      fc.property(fc.boolean(), fc.array(fc.boolean(), { maxLength: 12 }), (atStart, later) => {
        const check = once('flag', (_, now) => now.head === 1);
        const flagged = (on: boolean) => observation({ head: on ? 1 : 0 });
        expect(runCheck(check, [flagged(atStart), ...later.map(flagged)])).toBe(
          later.includes(true),
        );
      }),
    ));
});

describe('A check with stages in order', () => {
  const killWriteRestart = inOrder('Kill, write, restart', [
    saw('kill'),
    saw('write'),
    saw('restart'),
  ]);

  it('is not done on the starting observation, even when every stage holds there', () =>
    expect(runCheck(killWriteRestart, [marked('kill', 'write', 'restart')])).toBe(false));

  it('is done when the stages are seen one after another', () =>
    expect(
      runCheck(killWriteRestart, [marked(), marked('kill'), marked('write'), marked('restart')]),
    ).toBe(true));

  it('is not done until the last stage is seen', () =>
    expect(runCheck(killWriteRestart, [marked(), marked('kill'), marked('write')])).toBe(false));

  it('does not count a later stage seen before the earlier ones', () => {
    expect(
      runCheck(killWriteRestart, [marked(), marked('write'), marked('kill'), marked('restart')]),
    ).toBe(false);
    expect(
      runCheck(killWriteRestart, [marked(), marked('restart'), marked('kill'), marked('write')]),
    ).toBe(false);
  });

  it('counts a later stage once it is seen again after the earlier ones', () =>
    expect(
      runCheck(killWriteRestart, [
        marked(),
        marked('restart'),
        marked('kill'),
        marked('write'),
        marked('restart'),
      ]),
    ).toBe(true));

  it('passes several stages on one observation', () => {
    expect(runCheck(killWriteRestart, [marked(), marked('kill', 'write', 'restart')])).toBe(true);
    expect(runCheck(killWriteRestart, [marked(), marked('kill'), marked('write', 'restart')])).toBe(
      true,
    );
  });

  it('does not skip a stage that was never seen', () =>
    expect(runCheck(killWriteRestart, [marked(), marked('kill', 'restart')])).toBe(false));

  it('remembers the stages it has passed', () => {
    let state = killWriteRestart.start(marked());
    state = killWriteRestart.next(state, marked('kill'));
    expect(state.reached).toBe(1);
    state = killWriteRestart.next(state, marked());
    expect(state.reached).toBe(1);
    state = killWriteRestart.next(state, marked('write'));
    expect(state.reached).toBe(2);
    expect(killWriteRestart.done(state)).toBe(false);
  });

  it('stays done afterwards', () =>
    expect(
      runCheck(killWriteRestart, [marked(), marked('kill', 'write', 'restart'), marked()]),
    ).toBe(true));

  it('hands each stage the first observation', () => {
    const grewTwice = inOrder('Grew, then grew again', [
      (first, now) => now.head > first.head,
      (first, now) => now.head > first.head + 1,
    ]);
    expect(
      runCheck(grewTwice, [
        observation({ head: 4 }),
        observation({ head: 5 }),
        observation({ head: 5 }),
      ]),
    ).toBe(false);
    expect(
      runCheck(grewTwice, [
        observation({ head: 4 }),
        observation({ head: 5 }),
        observation({ head: 6 }),
      ]),
    ).toBe(true);
  });

  it('is done exactly when the stages appear, in order, among the later observations', () =>
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 14 }), (seen) => {
        const stages = ['a', 'b', 'c'];
        const check = inOrder('a, b, c', stages.map(saw));
        const observations = [
          marked(),
          ...seen.map((i) => marked(['a', 'b', 'c', 'none'][i] ?? 'none')),
        ];
        let next = 0;
        for (const i of seen) if (i === next) next += 1;
        expect(runCheck(check, observations)).toBe(next >= stages.length);
      }),
    ));
});

describe('Running a check', () => {
  it('is not done without any observation', () =>
    expect(
      runCheck(
        once('Anything', () => true),
        [],
      ),
    ).toBe(false));
});

describe('When the chapter started', () => {
  it('is the latest hand-over in the first observation, whatever their order', () =>
    expect(
      startedAt(
        observation({
          delivered: [
            handed({ deliveredAt: 300 }),
            handed({ deliveredAt: 700 }),
            handed({ deliveredAt: 200 }),
          ],
        }),
      ),
    ).toBe(700));

  it('is 0 when nothing had been handed over', () => expect(startedAt(observation())).toBe(0));
});

describe('Answers from a view', () => {
  const first = observation({
    delivered: [
      handed({ kind: 'events', from: 'Write model', to: 'Stock levels', deliveredAt: 500 }),
      handed({ deliveredAt: 300, asOf: 1, head: 1 }),
    ],
  });

  it('count only answers from that view delivered after the chapter started', () => {
    const fresh = handed({ deliveredAt: 501, asOf: 2, head: 2 });
    const now = observation({
      delivered: [
        ...first.delivered,
        handed({ deliveredAt: 500, asOf: 1, head: 1 }),
        fresh,
        handed({ from: 'Product search', deliveredAt: 600 }),
        handed({ kind: 'events', from: 'Stock levels', deliveredAt: 700 }),
        handed({ kind: 'query', from: 'UI', to: 'Stock levels', deliveredAt: 700 }),
      ],
    });
    expect(answersFrom(first, now, 'Stock levels')).toEqual([fresh]);
    expect(answersFrom(first, now, 'Product search')).toEqual([
      handed({ from: 'Product search', deliveredAt: 600 }),
    ]);
  });

  it('are none when nothing was answered since', () =>
    expect(answersFrom(first, first, 'Stock levels')).toEqual([]));

  it('count everything after time 0 when nothing had been handed over at the start', () =>
    expect(
      answersFrom(
        observation(),
        observation({ delivered: [handed({ deliveredAt: 0 }), handed({ deliveredAt: 1 })] }),
        'Stock levels',
      ),
    ).toEqual([handed({ deliveredAt: 1 })]));
});

describe('A stale answer', () => {
  it('was served at a position behind the head', () =>
    expect(isStale(handed({ asOf: 1, head: 3 }))).toBe(true));

  it('is not one when served at the head', () =>
    expect(isStale(handed({ asOf: 3, head: 3 }))).toBe(false));

  it('is not one when the positions are unknown', () => {
    expect(isStale(handed())).toBe(false);
    expect(isStale(handed({ asOf: 1 }))).toBe(false);
    expect(isStale(handed({ head: 3 }))).toBe(false);
  });
});

describe('New events', () => {
  const first = observation({
    events: [event(1, 'ProductAdded'), event(2, 'PriceChanged')],
    head: 2,
  });
  const now = observation({
    events: [...first.events, event(3, 'PriceChanged'), event(4, 'ProductRestocked')],
    head: 4,
  });

  it('are those above the head at the start', () =>
    expect(newEvents(first, now).map((e) => e.position)).toEqual([3, 4]));

  it('can be limited to one type', () => {
    expect(newEvents(first, now, 'PriceChanged').map((e) => e.position)).toEqual([3]);
    expect(newEvents(first, now, 'OrderPlaced')).toEqual([]);
  });

  it('are none when the log has not grown', () => expect(newEvents(first, first)).toEqual([]));
});

describe('A view that has caught up', () => {
  const at = (phase: ViewPhase, checkpoint: number, head: number) =>
    observation({ head, views: { 'Stock levels': { phase, checkpoint } } });

  it('is running with its checkpoint at the head', () =>
    expect(caughtUp(at('running', 4, 4), 'Stock levels')).toBe(true));

  it('is not one while its checkpoint is behind the head', () =>
    expect(caughtUp(at('running', 3, 4), 'Stock levels')).toBe(false));

  it('is not one unless it is running', () => {
    for (const phase of ['starting', 'paused', 'stopped', 'rebuilding'] as const)
      expect(caughtUp(at(phase, 4, 4), 'Stock levels')).toBe(false);
  });

  it('is not one on an empty log', () =>
    expect(caughtUp(at('running', 0, 0), 'Stock levels')).toBe(false));

  it('is not one when the view is not there', () =>
    expect(caughtUp(at('running', 4, 4), 'Order status')).toBe(false));
});

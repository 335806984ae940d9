import { describe, expect, it } from 'vitest';
import type { TraceMessage } from '../bus/protocol';
import { tokenProgress, pointAlong, queueSizes } from './flow';
import {
  emptyTimeline,
  forgetDeliveries,
  inconsistencyWindows,
  isAnswerBehind,
  recordDelivery,
  type TimelineRecord,
} from './timeline';

const message = (
  id: number,
  over: Partial<Pick<TraceMessage, 'from' | 'to' | 'sentAt' | 'deliverAt'>> = {},
): TraceMessage => ({
  id,
  kind: 'events',
  from: 'Write model',
  to: 'Stock levels',
  causationId: null,
  sentAt: 100,
  deliverAt: 200,
  payload: { count: 1, first: id, last: id, head: id },
  ...over,
});

/** A view's answer on its way to the UI, served at `asOfPosition` with the log at `headPosition`. */
const answer = (id: number, asOfPosition: number, headPosition: number): TraceMessage => ({
  ...message(id, { to: 'UI', from: 'Stock levels' }),
  kind: 'answer',
  payload: {
    query: { kind: 'all' },
    answer: { data: null, asOfPosition, headPosition, servedBy: 'Stock levels' },
  },
});

describe('Tokens in flight', () => {
  it('sit at the start when sent, halfway at half their delay, at the end when due', () => {
    expect(tokenProgress(message(1), 100).progress).toBe(0);
    expect(tokenProgress(message(1), 150).progress).toBe(0.5);
    expect(tokenProgress(message(1), 200)).toEqual({ id: 1, progress: 1, waiting: true });
  });

  it('wait at the end of the edge when due but not handed over', () =>
    expect(tokenProgress(message(1), 900)).toEqual({ id: 1, progress: 1, waiting: true }));

  it('never run backwards before they were sent', () =>
    expect(tokenProgress(message(1), 50).progress).toBe(0));

  it('follow a bent edge by its length', () => {
    const path = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 30 },
    ];
    expect(pointAlong(path, 0.25)).toEqual({ x: 10, y: 0 });
    expect(pointAlong(path, 1)).toEqual({ x: 10, y: 30 });
    expect(pointAlong(path, 0)).toEqual({ x: 0, y: 0 });
  });

  it('are counted per receiver for the queue badges', () =>
    expect(queueSizes([message(1), message(2), message(3, { to: 'UI' })])).toEqual({
      'Stock levels': 2,
      UI: 1,
    }));
});

describe('Inconsistency windows', () => {
  const record: TimelineRecord = {
    ...emptyTimeline(),
    appends: [{ at: 100, first: 2, last: 3, deliveryId: 7 }],
    checkpoints: [
      { view: 'Order status', at: 160, checkpoint: 3, deliveryId: 9 },
      { view: 'Stock levels', at: 150, checkpoint: 1, deliveryId: 8 },
    ],
  };

  it('run from the append to the moment each view applied it', () =>
    expect(inconsistencyWindows(record, ['Order status', 'Stock levels'])).toEqual([
      { view: 'Order status', first: 2, last: 3, from: 100, to: 160 },
      { view: 'Stock levels', first: 2, last: 3, from: 100, to: null },
    ]));

  it('close when a later delivery carries the view past the append', () => {
    const later = {
      ...record,
      checkpoints: [
        ...record.checkpoints,
        { view: 'Stock levels', at: 400, checkpoint: 5, deliveryId: 12 },
      ],
    };
    expect(inconsistencyWindows(later, ['Stock levels'])[0]?.to).toBe(400);
  });

  it('reopen when the delivery that closed them is stepped back', () =>
    expect(
      inconsistencyWindows(forgetDeliveries(record, [9]), ['Order status'])[0]?.to,
    ).toBeNull());

  it('vanish with the append when the command is stepped back', () =>
    expect(inconsistencyWindows(forgetDeliveries(record, [7]), ['Order status'])).toEqual([]));
});

describe('Answers', () => {
  it('are stale when served before the view had the head', () => {
    const [stale, fresh] = recordDelivery(
      emptyTimeline(),
      [answer(1, 1, 3), answer(2, 3, 3)],
      250,
    ).delivered;
    expect(stale && isAnswerBehind(stale)).toBe(true);
    expect(fresh && isAnswerBehind(fresh)).toBe(false);
  });

  it('keep the positions they were served at and the kind of question they answered', () => {
    const [kept] = recordDelivery(emptyTimeline(), [answer(1, 1, 3)], 250).delivered;
    expect(kept).toMatchObject({ kind: 'answer', asOf: 1, head: 3, asked: 'all' });
  });
});

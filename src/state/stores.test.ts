import { beforeEach, describe, expect, it } from 'vitest';
import type { TraceMessage, TraceFrame } from '../bus/protocol';
import { applyTraceFrames, useLog, useMessages, useNotice, useTimeline, useViews } from './stores';

const message = (id: number, to = 'Stock levels'): TraceMessage => ({
  id,
  kind: 'events',
  from: 'Write model',
  to,
  causationId: null,
  sentAt: 0,
  deliverAt: 10,
  payload: { count: 1, first: id, last: id, head: id },
});

beforeEach(() => applyTraceFrames([{ kind: 'reset' }]));

describe('Trace frames into the stores', () => {
  it('apply changes and deletions to a view and remember what changed', () => {
    applyTraceFrames([
      {
        kind: 'view-snapshot',
        view: 'V',
        rows: [
          { key: 'a', value: 1 },
          { key: 'b', value: 2 },
        ],
        checkpoint: 4,
        head: 6,
      },
      {
        kind: 'view-changed',
        view: 'V',
        changes: [
          { key: 'a', value: null },
          { key: 'c', value: 3 },
        ],
        checkpoint: 5,
        head: 6,
      },
    ]);
    const view = useViews.getState().views.V;
    expect(view?.rows).toEqual({ b: 2, c: 3 });
    expect(view?.checkpoint).toBe(5);
    expect(view?.lastChanged).toEqual(['a', 'c']);
  });

  it('count each reset of the log, and forget the old log and its rebuild notes', () => {
    const before = useLog.getState().resets;
    applyTraceFrames([
      { kind: 'view-rebuilt', view: 'Stock levels', events: 12, ms: 3 },
      { kind: 'reset' },
    ]);
    expect(useLog.getState()).toMatchObject({ head: 0, recent: [], resets: before + 1 });
    expect(useViews.getState().views['Stock levels']?.lastRebuild).toBeUndefined();
  });

  it('follow a view’s checkpoint back when a step is taken back', () => {
    applyTraceFrames([{ kind: 'view-snapshot', view: 'V', rows: [], checkpoint: 4, head: 4 }]);
    applyTraceFrames([{ kind: 'view-changed', view: 'V', changes: [], checkpoint: 2, head: 2 }]);
    expect(useViews.getState().views.V?.checkpoint).toBe(2);
  });

  // Seen: after stepping a Restock back, every view still said "1 behind: at #12, head #13".
  it('leave no view behind events that a step back took away', () => {
    applyTraceFrames([
      { kind: 'view-snapshot', view: 'V', rows: [], checkpoint: 12, head: 13 },
      { kind: 'view-snapshot', view: 'W', rows: [], checkpoint: 13, head: 13 },
      { kind: 'view-snapshot', view: 'X', rows: [], checkpoint: 9, head: 12 },
    ]);
    const rewrites = useLog.getState().rewrites;
    applyTraceFrames([{ kind: 'unappended', head: 12 }]);
    const { views } = useViews.getState();
    expect(views.V).toMatchObject({ checkpoint: 12, head: 12 });
    expect(views.W).toMatchObject({ checkpoint: 12, head: 12 });
    expect(views.X).toMatchObject({ checkpoint: 9, head: 12 });
    expect(useLog.getState()).toMatchObject({ head: 12, rewrites: rewrites + 1 });
  });

  it('track messages in flight and record deliveries with their virtual time', () => {
    applyTraceFrames([
      { kind: 'sent', message: message(1) },
      { kind: 'sent', message: message(2) },
      { kind: 'delivered', ids: [1], at: 12, to: 'Stock levels' },
    ]);
    expect(Object.keys(useMessages.getState().pending)).toEqual(['2']);
    expect(useTimeline.getState().delivered).toMatchObject([{ id: 1, deliveredAt: 12 }]);
    applyTraceFrames([{ kind: 'undelivered', messages: [message(1)], withdrawn: [2] }]);
    expect(Object.keys(useMessages.getState().pending)).toEqual(['1']);
    expect(useTimeline.getState().delivered).toEqual([]);
  });

  it('date an append by the hand-over to the write model, and a checkpoint by its view’s', () => {
    applyTraceFrames([
      { kind: 'sent', message: message(1, 'Write model') },
      { kind: 'clock', now: 5, pending: 1, playing: true, speed: 1, history: 0 },
    ]);
    // Delivered in a later batch than it was sent: the timeline still knows what it was.
    applyTraceFrames([
      { kind: 'delivered', ids: [1], at: 20, to: 'Write model' },
      { kind: 'appended', events: [], head: 1 },
      { kind: 'sent', message: message(2) },
      { kind: 'delivered', ids: [2], at: 30, to: 'Stock levels' },
      { kind: 'view-changed', view: 'Stock levels', changes: [], checkpoint: 1, head: 1 },
      // A checkpoint of a view that was handed nothing is dated by the clock.
      { kind: 'view-snapshot', view: 'Order status', rows: [], checkpoint: 1, head: 1 },
    ]);
    const { delivered, appends, checkpoints } = useTimeline.getState();
    expect(delivered.map((d) => [d.id, d.to, d.deliveredAt])).toEqual([
      [1, 'Write model', 20],
      [2, 'Stock levels', 30],
    ]);
    expect(appends).toEqual([{ at: 20, first: 0, last: 1, deliveryId: 1 }]);
    expect(checkpoints).toEqual([
      { view: 'Stock levels', at: 30, checkpoint: 1, deliveryId: 2 },
      { view: 'Order status', at: 5, checkpoint: 1, deliveryId: null },
    ]);
  });

  it('start every slice again at a reset in the middle of a batch, and keep what follows it', () => {
    applyTraceFrames([
      { kind: 'sent', message: message(1) },
      { kind: 'delivered', ids: [1], at: 12, to: 'Stock levels' },
      { kind: 'sent', message: message(2) },
      { kind: 'notice', text: 'Stock levels could not rebuild' },
      { kind: 'reset' },
      { kind: 'sent', message: message(3) },
    ]);
    expect(Object.keys(useMessages.getState().pending)).toEqual(['3']);
    expect(useTimeline.getState().delivered).toEqual([]);
    expect(useNotice.getState().text).toBeNull();
  });

  it('take a burst of 20,000 frames in one go without slowing down as it grows', () => {
    const frames: TraceFrame[] = [];
    for (let i = 1; i <= 10_000; i += 1) frames.push({ kind: 'sent', message: message(i) });
    for (let i = 1; i <= 10_000; i += 1)
      frames.push({ kind: 'delivered', ids: [i], at: i, to: 'Stock levels' });
    applyTraceFrames(frames);
    expect(useMessages.getState().pending).toEqual({});
    expect(useTimeline.getState().delivered).toHaveLength(3_000);
  });
});

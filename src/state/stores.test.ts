import { beforeEach, describe, expect, it } from 'vitest';
import type { TraceMessage, TraceFrame } from '../bus/protocol';
import { applyTraceFrames, useLog, useMessages, useTimeline, useViews } from './stores';

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
    expect(useLog.getState()).toMatchObject({ head: 0, events: [], resets: before + 1 });
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

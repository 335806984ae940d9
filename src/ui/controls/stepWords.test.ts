// Each step the learner takes is put in words for the live region, from the trace alone.
import { beforeEach, describe, expect, it } from 'vitest';
import type { TraceFrame, TraceMessage } from '../../bus/protocol';
import { applyTraceFrames, useStepNews } from '../../state/stores';
import { describeStep } from './stepWords';

const base = { from: 'Write model', sentAt: 0, deliverAt: 10, causationId: null };
const events = (id: number, first: number, last: number, head = last): TraceMessage => ({
  ...base,
  id,
  kind: 'events',
  to: 'Stock levels',
  payload: { count: last - first + 1, first, last, head },
});
const paused: TraceFrame = {
  kind: 'clock',
  now: 0,
  pending: 1,
  playing: false,
  speed: 1,
  history: 0,
};
const said = () => {
  const { news } = useStepNews.getState();
  return news ? describeStep(news) : null;
};

beforeEach(() => applyTraceFrames([{ kind: 'reset' }, { ...paused, playing: true }]));

describe('The words for a step', () => {
  it('name the events delivered to a view and where the view stands after applying them', () => {
    applyTraceFrames([paused, { kind: 'sent', message: events(7, 5, 6, 8) }]);
    applyTraceFrames([{ kind: 'delivered', ids: [7], at: 10, to: 'Stock levels' }]);
    expect(said()).toBe('Delivered 2 events #5–#6 to Stock levels');
    // The view's answer comes in a later batch.
    applyTraceFrames([
      { kind: 'view-changed', view: 'Stock levels', changes: [], checkpoint: 6, head: 8 },
    ]);
    expect(said()).toBe(
      'Delivered 2 events #5–#6 to Stock levels; it is now at #6, 2 events behind the head #8',
    );
    applyTraceFrames([{ kind: 'sent', message: events(8, 7, 8) }]);
    applyTraceFrames([
      { kind: 'delivered', ids: [8], at: 20, to: 'Stock levels' },
      { kind: 'view-changed', view: 'Stock levels', changes: [], checkpoint: 8, head: 8 },
    ]);
    expect(said()).toBe('Delivered 2 events #7–#8 to Stock levels; it is now up to date at #8');
  });

  it('say what the write model did with a command, once its outcome is sent', () => {
    const command: TraceMessage = {
      ...base,
      id: 1,
      from: 'UI',
      to: 'Write model',
      kind: 'command',
      payload: {
        type: 'Restock',
        data: { sku: 'SKU-1', quantity: 2 },
        meta: { commandId: 'c1', issuedAt: '2026-12-03T00:00:00.000Z' },
      },
    };
    applyTraceFrames([paused, { kind: 'sent', message: command }]);
    applyTraceFrames([
      { kind: 'delivered', ids: [1], at: 10, to: 'Write model' },
      {
        kind: 'sent',
        message: {
          ...base,
          id: 2,
          to: 'UI',
          causationId: 1,
          kind: 'outcome',
          payload: { status: 'rejected', commandId: 'c1', reason: 'There is no product SKU-1' },
        },
      },
    ]);
    expect(said()).toBe(
      'Delivered command Restock SKU-1 to Write model; it refused it: There is no product SKU-1',
    );
  });

  it('say a step back, and nothing for deliveries while the clock runs', () => {
    applyTraceFrames([{ kind: 'sent', message: events(3, 1, 1) }]);
    applyTraceFrames([{ kind: 'delivered', ids: [3], at: 10, to: 'Stock levels' }]);
    expect(said()).toBeNull();
    const before = useStepNews.getState().count;
    applyTraceFrames([paused, { kind: 'undelivered', messages: [events(3, 1, 1)], withdrawn: [] }]);
    expect(said()).toBe('Took back the delivery of 1 event #1 to Stock levels: pending again');
    expect(useStepNews.getState().count).toBe(before + 1);
  });
});

import { describe, expect, it } from 'vitest';
import { downsample, lagSeries, stalenessHistogram, throughputSeries } from './charts';
import { emptyTimeline, type TimelineRecord } from './timeline';

const record: TimelineRecord = {
  delivered: [
    { id: 1, kind: 'command', from: 'UI', to: 'Write model', sentAt: 0, deliveredAt: 30 },
    { id: 9, kind: 'answer', from: 'V', to: 'UI', sentAt: 40, deliveredAt: 60, asOf: 0, head: 2 },
    {
      id: 10,
      kind: 'answer',
      from: 'V',
      to: 'UI',
      sentAt: 40,
      deliveredAt: 1060,
      asOf: 2,
      head: 2,
    },
  ],
  appends: [{ at: 30, first: 1, last: 2, deliveryId: 1 }],
  checkpoints: [{ view: 'V', at: 130, checkpoint: 2, deliveryId: 3 }],
};

describe('Chart series', () => {
  it('lag rises with an append and falls when the view applies it, in events and in ms', () => {
    const { events, ms } = lagSeries(record, ['V']);
    expect(events).toEqual([
      { t: 30, V: 2 },
      { t: 130, V: 0 },
    ]);
    expect(ms).toEqual([
      { t: 30, V: 0 },
      { t: 130, V: 0 },
    ]);
  });

  it('lag in ms is the age of the oldest event a view has not applied', () => {
    const behind = {
      ...record,
      checkpoints: [{ view: 'V', at: 500, checkpoint: 1, deliveryId: 3 }],
    };
    expect(lagSeries(behind, ['V']).ms.at(-1)).toEqual({ t: 500, V: 470 });
  });

  it('counts commands and events per virtual second', () =>
    expect(throughputSeries(record)).toEqual([{ second: 0, commands: 1, events: 2 }]));

  it('bins answers by how stale they were', () =>
    expect(stalenessHistogram(record)).toEqual([
      { bin: 'fresh', answers: 1 },
      { bin: '1', answers: 0 },
      { bin: '2–5', answers: 1 },
      { bin: '6–20', answers: 0 },
      { bin: '21+', answers: 0 },
    ]));

  it('keeps at most 600 points, the last one included', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => i);
    const kept = downsample(many);
    expect(kept).toHaveLength(600);
    expect(kept.at(-1)).toBe(9_999);
    expect(downsample([1, 2, 3])).toEqual([1, 2, 3]);
  });

  it('has nothing to draw before anything happened', () =>
    expect(lagSeries(emptyTimeline(), ['V'])).toEqual({ events: [], ms: [] }));
});

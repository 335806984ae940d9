import { describe, expect, it } from 'vitest';
import { commandMeta } from '../domain/testing/stored';
import type { StoredEvent } from '../domain/types';
import { filterEvents, isProvenance, visibleRange } from './logView';

const event = (position: number, streamId: string, type: string): StoredEvent => ({
  type,
  data: {},
  position,
  streamId,
  version: 1,
  meta: commandMeta('c', ''),
});
const log = [
  event(1, 'product-SKU-1', 'ProductAdded'),
  event(2, 'order-ORD-1', 'OrderPlaced'),
  event(3, 'product-SKU-1', 'StockReserved'),
];

describe('The event log', () => {
  it('filters by part of a stream name, ignoring case', () =>
    expect(filterEvents(log, { stream: 'sku-1', type: '' }).map((e) => e.position)).toEqual([
      1, 3,
    ]));

  it('filters by event type', () =>
    expect(filterEvents(log, { stream: '', type: 'OrderPlaced' }).map((e) => e.position)).toEqual([
      2,
    ]));

  it('filters by both at once', () =>
    expect(
      filterEvents(log, { stream: 'product', type: 'StockReserved' }).map((e) => e.position),
    ).toEqual([3]));

  it('highlights the events a row was built from, by position or by stream', () => {
    const byPositions = { label: 'x', positions: [2], streams: [] };
    const byStream = { label: 'y', positions: [], streams: ['product-SKU-1'] };
    expect(log.map((e) => isProvenance(e, byPositions))).toEqual([false, true, false]);
    expect(log.map((e) => isProvenance(e, byStream))).toEqual([true, false, true]);
    expect(isProvenance(event(1, 'a', 'b'), null)).toBe(false);
  });

  it('draws only the rows in view of 100,000, plus a few either side', () => {
    expect(visibleRange(0, 420, 28, 100_000)).toEqual({ start: 0, end: 23 });
    expect(visibleRange(28 * 50_000, 420, 28, 100_000)).toEqual({ start: 49_992, end: 50_023 });
    expect(visibleRange(28 * 99_990, 420, 28, 100_000)).toEqual({ start: 99_982, end: 100_000 });
  });
});

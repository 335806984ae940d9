import { describe, expect, it } from 'vitest';
import { commandMeta } from '../domain/testing/stored';
import type { StoredEvent } from '../domain/types';
import { filterEvents, isProvenance, keptWindow, visibleRange } from './logView';

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

describe('The rows worked out from the events the page keeps', () => {
  const none = { stream: '', type: '' };
  const positions = (window: { events: readonly StoredEvent[] } | null) =>
    window?.events.map((e) => e.position);
  /** The newest 3 of a log of 10: positions 8, 9, 10. */
  const tail = [
    event(8, 'order-ORD-4', 'OrderPlaced'),
    event(9, 'product-SKU-1', 'StockReserved'),
    event(10, 'order-ORD-4', 'OrderPaid'),
  ];

  it('shows the newest rows of a long log from its tail, newest first', () => {
    expect(positions(keptWindow(tail, 10, none, 0, 2, null))).toEqual([10, 9]);
    expect(positions(keptWindow(tail, 10, none, 1, 3, null))).toEqual([9, 8]);
    expect(keptWindow(tail, 10, none, 0, 2, null)?.total).toBe(10);
  });

  it('needs storage for rows older than the tail, for a filter, and for a highlight', () => {
    expect(keptWindow(tail, 10, none, 2, 4, null)).toBeNull();
    expect(keptWindow(tail, 10, { stream: 'order', type: '' }, 0, 2, null)).toBeNull();
    expect(
      keptWindow(tail, 10, none, 0, 2, { label: 'x', positions: [10], streams: [] }),
    ).toBeNull();
    // A gap in what the page keeps (another tab's appends not read yet) is not papered over.
    expect(
      keptWindow(
        [tail[0], tail[2]].filter((e) => e !== undefined),
        10,
        none,
        0,
        3,
        null,
      ),
    ).toBeNull();
  });

  it('filters and highlights a short log whole, as before', () => {
    const window = keptWindow(log, 3, { stream: 'product', type: '' }, 0, 10, {
      label: 'x',
      positions: [1],
      streams: [],
    });
    expect(positions(window)).toEqual([3, 1]);
    expect(window?.total).toBe(2);
    expect(window?.highlightIndex).toBe(1);
  });

  it('shows nothing past the oldest event', () => {
    expect(positions(keptWindow(log, 3, none, 3, 10, null))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { describeRow } from './describeRow';

describe('describeRow', () => {
  // Seen: time travel's diff printed "order ORD-1 (kept for cancellations) → order ORD-1 (kept for
  // cancellations)": a change that looked like none.
  it('tells two states of an order’s bookkeeping row apart', () => {
    const placed = {
      kind: 'order',
      orderId: 'ORD-1',
      lines: [{ sku: 'SKU-1', name: 'Mug', quantity: 2, unitPrice: 3 }],
      placedMinute: '2026-01-01T10:00',
      cancelled: false,
    };
    const cancelled = { ...placed, lines: [], cancelled: true };
    expect(describeRow('Sales dashboard', placed)).toBe(
      'order ORD-1: helper row, not shown on the dashboard; units of 1 line still in the product totals',
    );
    expect(describeRow('Sales dashboard', cancelled)).toBe(
      'order ORD-1: helper row, not shown on the dashboard; cancelled; units of 0 lines still in the product totals',
    );
  });

  it('counts indexed products in good English', () => {
    expect(describeRow('Product search', { documentCount: 1 })).toBe('1 product indexed');
    expect(describeRow('Product search', { documentCount: 3 })).toBe('3 products indexed');
  });
});

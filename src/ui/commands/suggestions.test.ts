import { describe, expect, it } from 'vitest';
import { firstKeys } from './suggestions';

const order = (orderId: string, position: number) => ({
  orderId,
  builtFrom: [position],
  placedAt: '2026-01-01T00:00:00.000Z',
});

describe('A picker’s suggestions', () => {
  it('offers the newest orders, whatever order the page received the rows in', () => {
    // As a snapshot sends them (newest first), then a new order appended after them.
    const rows = {
      'ORD-C': order('ORD-C', 30),
      'ORD-B': order('ORD-B', 20),
      'ORD-A': order('ORD-A', 10),
      'ORD-D': order('ORD-D', 40),
    };
    expect(firstKeys('Order status', rows, 2)).toEqual(['ORD-C', 'ORD-D']);
  });

  it('offers products in the panel’s order, sorted', () => {
    const rows = {
      'SKU-2': { sku: 'SKU-2' },
      'SKU-1': { sku: 'SKU-1' },
      'SKU-3': { sku: 'SKU-3' },
    };
    expect(firstKeys('Stock levels', rows, 2)).toEqual(['SKU-1', 'SKU-2']);
  });
});

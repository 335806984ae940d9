// Each view's row check: a row its projection builds passes; a row with a field of the wrong type,
// a missing field, or no row at all (null) fails, with a reason that names the field.
import { describe, expect, it } from 'vitest';
import { streamOfBankEvent, type BankEvent } from '../domain/bank/events';
import { rebuildView } from '../domain/projection';
import { orderOf2, orderPaid, productAdded, stockReserved } from '../domain/shop/fixtures';
import { streamOfShopEvent, type ShopEvent } from '../domain/shop/events';
import { INDEX_KEY } from '../domain/shop/productSearch.projection';
import {
  addProduct,
  at,
  eventsOf,
  onOrder,
  placeOrder,
  viewOf,
} from '../domain/testing/salesDashboard';
import { storedAll } from '../domain/testing/stored';
import { projections, type ViewName } from '../domain/views';
import { rowCheckOf } from './rowChecks';

const shopView = (view: ViewName, events: readonly ShopEvent[]) =>
  rebuildView(projections[view], storedAll(events, streamOfShopEvent));

/** The row at `key` of a view built from `events`; fails the test if the view has no such row. */
const rowOf = (rows: Record<string, unknown>, key: string): Record<string, unknown> => {
  const row = rows[key];
  if (typeof row !== 'object' || row === null) throw new Error(`the view has no row ${key}`);
  return row as Record<string, unknown>;
};

/** A copy of `row` without `field`. */
const without = (row: Record<string, unknown>, field: string) =>
  Object.fromEntries(Object.entries(row).filter(([name]) => name !== field));

describe('Row checks', () => {
  describe('Order status', () => {
    const check = rowCheckOf('Order status');
    const row = rowOf(shopView('Order status', [...orderOf2, orderPaid]), 'ORD-1');

    it('passes a row its projection built', () => {
      expect(row).toMatchObject({ orderId: 'ORD-1', status: 'paid', builtFrom: [1, 3] });
      expect(check(row)).toBeUndefined();
    });

    it('fails a status the order cannot have, naming the field', () =>
      expect(check({ ...row, status: 'lost' })).toMatch(/^status: /));

    it('fails a line of the wrong shape, naming where it is', () =>
      expect(check({ ...row, lines: [{ sku: 'SKU-1', quantity: 0 }] })).toMatch(
        /^lines\.0\.name: .*; lines\.0\.quantity: /,
      ));

    it('fails a missing field, naming it', () =>
      expect(check(without(row, 'total'))).toBe(
        'total: Invalid input: expected number, received undefined',
      ));

    it('counts one field more as one', () =>
      expect(check({ ...row, orderId: 1, status: 'lost', total: 'three' })).toMatch(
        /^orderId: .*; status: .*; and 1 more field$/,
      ));

    it('fails null', () =>
      expect(check(null)).toBe('Invalid input: expected object, received null'));
  });

  describe('Stock levels', () => {
    const check = rowCheckOf('Stock levels');
    const row = rowOf(
      shopView('Stock levels', [productAdded('SKU-1', 5), stockReserved('SKU-1', 2)]),
      'SKU-1',
    );

    it('passes a row its projection built', () => {
      expect(row).toEqual({
        sku: 'SKU-1',
        name: 'Blue mug',
        price: 12.5,
        onHand: 5,
        reserved: 2,
        available: 3,
        lastPosition: 2,
      });
      expect(check(row)).toBeUndefined();
    });

    it('fails a count that is not a number, naming the field', () =>
      expect(check({ ...row, available: 'lots' })).toBe(
        'available: Invalid input: expected number, received string',
      ));

    it('fails a count that is not whole', () =>
      expect(check({ ...row, onHand: 1.5 })).toMatch(/^onHand: /));

    it('fails a position before the log begins', () =>
      expect(check({ ...row, lastPosition: -1 })).toMatch(/^lastPosition: /));

    it('fails a missing field, naming it', () =>
      expect(check(without(row, 'available'))).toBe(
        'available: Invalid input: expected number, received undefined',
      ));

    it('names the first two wrong fields and counts the rest', () =>
      expect(check({})).toBe(
        'sku: Invalid input: expected string, received undefined; ' +
          'name: Invalid input: expected string, received undefined; and 5 more fields',
      ));

    it('fails null', () =>
      expect(check(null)).toBe('Invalid input: expected object, received null'));
  });

  describe('Sales dashboard', () => {
    const check = rowCheckOf('Sales dashboard');
    const rows = viewOf(
      eventsOf([
        addProduct('MUG', 'Blue mug', 12.5),
        placeOrder('ORD-1', [{ sku: 'MUG', quantity: 2 }], at(1, 30)),
        onOrder('PayOrder', 'ORD-1', at(2)),
      ]),
    );
    const minute = rowOf(rows, 'minute:2026-01-01T10:01');
    const product = rowOf(rows, 'product:MUG');
    const order = rowOf(rows, 'order:ORD-1');

    it('passes each kind of row its projection built', () => {
      expect([minute.kind, product.kind, order.kind]).toEqual(['minute', 'product', 'order']);
      expect([check(minute), check(product), check(order)]).toEqual([
        undefined,
        undefined,
        undefined,
      ]);
    });

    it('fails a kind of row it does not have, naming the field', () =>
      expect(check({ ...minute, kind: 'week' })).toMatch(/^kind: /));

    it('fails a row without a kind, naming the field', () =>
      expect(check(without(product, 'kind'))).toMatch(/^kind: /));

    it('checks each kind against its own fields', () => {
      expect(check({ ...minute, ordersPlaced: '1' })).toBe(
        'ordersPlaced: Invalid input: expected number, received string',
      );
      expect(check(without(product, 'unitsOrdered'))).toBe(
        'unitsOrdered: Invalid input: expected number, received undefined',
      );
      expect(check({ ...order, cancelled: 'no' })).toBe(
        'cancelled: Invalid input: expected boolean, received string',
      );
    });

    it('fails null', () =>
      expect(check(null)).toBe('Invalid input: expected object, received null'));
  });

  describe('Product search', () => {
    const check = rowCheckOf('Product search');
    const row = rowOf(
      shopView('Product search', [productAdded('SKU-1'), productAdded('SKU-2')]),
      INDEX_KEY,
    );

    it('passes the index row its projection built', () => {
      expect(row).toMatchObject({ documentCount: 2 });
      expect(check(row)).toBeUndefined();
    });

    it('fails an index that is not text, naming the field', () =>
      expect(check({ ...row, index: { documents: [] } })).toBe(
        'index: Invalid input: expected string, received object',
      ));

    it('fails a missing count, naming it', () =>
      expect(check(without(row, 'documentCount'))).toBe(
        'documentCount: Invalid input: expected number, received undefined',
      ));

    it('fails null', () =>
      expect(check(null)).toBe('Invalid input: expected object, received null'));
  });

  describe('Account balances', () => {
    const check = rowCheckOf('Account balances');
    const bankEvents: BankEvent[] = [
      {
        type: 'AccountOpened',
        data: { accountId: 'ACC-1', owner: 'Ada', openedAt: '2026-01-01T10:00:00.000Z' },
      },
      { type: 'MoneyDeposited', data: { accountId: 'ACC-1', amount: 40 } },
      { type: 'MoneyWithdrawn', data: { accountId: 'ACC-1', amount: 12.5 } },
    ];
    const row = rowOf(
      rebuildView(projections['Account balances'], storedAll(bankEvents, streamOfBankEvent)),
      'ACC-1',
    );

    it('passes a row its projection built', () => {
      expect(row).toEqual({ accountId: 'ACC-1', owner: 'Ada', balance: 27.5, lastPosition: 3 });
      expect(check(row)).toBeUndefined();
    });

    it('fails a balance that is not a number, naming the field', () =>
      expect(check({ ...row, balance: '27.50' })).toBe(
        'balance: Invalid input: expected number, received string',
      ));

    it('fails a missing owner, naming it', () =>
      expect(check(without(row, 'owner'))).toBe(
        'owner: Invalid input: expected string, received undefined',
      ));

    it('fails null', () =>
      expect(check(null)).toBe('Invalid input: expected object, received null'));
  });
});

// The write model refusing input that is not a valid command: the fields named, nothing appended.
import { afterEach, describe, expect, it } from 'vitest';
import { headPosition } from '../eventstore';
import { addProduct, closeAllDbs, ISSUED_AT, shop } from './testing/writeModel';

afterEach(closeAllDbs);

describe('Write model (shop)', () => {
  describe('When the input is not a valid command', () => {
    const meta = { commandId: 'cmd-bad', issuedAt: ISSUED_AT };
    const invalidInputs: {
      name: string;
      input: unknown;
      issues: { path: string; message: string }[];
    }[] = [
      {
        name: 'a negative quantity',
        input: {
          type: 'PlaceOrder',
          data: { orderId: 'ORD-1', lines: [{ sku: 'SKU-1', quantity: -1 }] },
          meta,
        },
        issues: [{ path: 'data.lines.0.quantity', message: 'Quantity must be at least 1' }],
      },
      {
        name: 'a fractional quantity on the second line',
        input: {
          type: 'PlaceOrder',
          data: {
            orderId: 'ORD-1',
            lines: [
              { sku: 'SKU-1', quantity: 1 },
              { sku: 'SKU-2', quantity: 1.5 },
            ],
          },
          meta,
        },
        issues: [{ path: 'data.lines.1.quantity', message: 'Quantity must be a whole number' }],
      },
      {
        name: 'an order with its fields missing',
        input: { type: 'PlaceOrder', data: {}, meta },
        issues: [
          { path: 'data.orderId', message: 'Order is required' },
          { path: 'data.lines', message: 'An order needs at least one line' },
        ],
      },
      {
        name: 'the same SKU on two lines',
        input: {
          type: 'PlaceOrder',
          data: {
            orderId: 'ORD-1',
            lines: [
              { sku: 'SKU-1', quantity: 1 },
              { sku: 'SKU-1', quantity: 2 },
            ],
          },
          meta,
        },
        issues: [
          {
            path: 'data.lines.1.sku',
            message: 'SKU-1 is already on another line; put the whole quantity on one line',
          },
        ],
      },
      {
        name: 'a price that is not a number',
        input: {
          type: 'AddProduct',
          data: { sku: 'SKU-1', name: 'Mug', price: Number.NaN, stock: 1 },
          meta,
        },
        issues: [
          { path: 'data.price', message: 'Price must be a number written in digits, like 12.50' },
        ],
      },
      {
        name: 'a price typed as text',
        input: {
          type: 'AddProduct',
          data: { sku: 'SKU-1', name: 'Mug', price: '3', stock: 1 },
          meta,
        },
        issues: [{ path: 'data.price', message: 'Price must be a number' }],
      },
      {
        name: 'an unknown command type',
        input: { type: 'TeleportOrder', data: { orderId: 'ORD-1' }, meta },
        issues: [{ path: 'type', message: 'Unknown command' }],
      },
      {
        name: 'an issuedAt that is not an ISO date-time',
        input: {
          type: 'AddProduct',
          data: { sku: 'SKU-1', name: 'Mug', price: 1, stock: 1 },
          meta: { commandId: 'cmd-bad', issuedAt: 'yesterday' },
        },
        issues: [{ path: 'meta.issuedAt', message: 'Invalid ISO datetime' }],
      },
    ];

    it.each(invalidInputs)(
      'refuses $name, naming the field, and appends nothing',
      async ({ input, issues }) => {
        const { db, dispatch, publish, given } = shop();
        await given(addProduct('SKU-1'), addProduct('SKU-2'));

        const outcome = await dispatch(input);

        expect(outcome).toEqual({
          status: 'invalid',
          commandId: 'cmd-bad',
          reason: issues.map((issue) => issue.message).join('; '),
          issues,
        });
        expect(await headPosition(db)).toBe(2);
        expect(publish).not.toHaveBeenCalled();
      },
    );

    it.each([
      { name: 'null', input: null },
      { name: 'a number', input: 42 },
      { name: 'a string', input: 'PlaceOrder' },
      { name: 'an array', input: [] },
      { name: 'undefined', input: undefined },
    ])('refuses $name as an unknown command without a command id', async ({ input }) => {
      const { db, dispatch, publish } = shop();

      const outcome = await dispatch(input);

      expect(outcome).toMatchObject({ status: 'invalid', commandId: undefined });
      expect(outcome.status === 'invalid' && outcome.reason).toBe('Unknown command');
      expect(await headPosition(db)).toBe(0);
      expect(publish).not.toHaveBeenCalled();
    });

    it('refuses a command without meta and reports no command id', async () => {
      const { dispatch } = shop();
      const outcome = await dispatch({
        type: 'AddProduct',
        data: { sku: 'SKU-1', name: 'Mug', price: 1, stock: 1 },
      });
      expect(outcome).toMatchObject({ status: 'invalid', commandId: undefined });
      expect(outcome.status === 'invalid' && outcome.issues.map((i) => i.path)).toEqual(['meta']);
    });
  });
});

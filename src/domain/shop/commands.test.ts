import { describe, expect, it } from 'vitest';
import { fieldIssues } from '../validation';
import { addProductData, placeOrderData, shopCommandSchema } from './commands';

const issuesOf = (
  schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } },
  input: unknown,
) => {
  const result = schema.safeParse(input);
  return result.success ? [] : fieldIssues(result.error as never);
};

const product = { sku: 'SKU-1', name: 'Blue mug', price: 12.5, stock: 5 };

describe('Add product input', () => {
  it.each([
    [{ ...product, sku: '' }, 'sku', 'SKU is required'],
    [{ ...product, sku: 'has space' }, 'sku', /only letters, digits/],
    [{ ...product, sku: 'S'.repeat(33) }, 'sku', 'SKU must be at most 32 characters'],
    [{ ...product, sku: '__proto__' }, 'sku', /only letters, digits/],
    [{ ...product, name: '   ' }, 'name', 'Name is required'],
    [{ ...product, name: 'x'.repeat(10_000) }, 'name', 'Name must be at most 100 characters'],
    [{ ...product, price: undefined }, 'price', 'Price is required'],
    [
      { ...product, name: '\u202Egum eulB' },
      'name',
      /^Name may not contain invisible characters that reverse/,
    ],
    [{ ...product, name: 'Blue \u2066mug\u2069' }, 'name', /U\+202A–U\+202E, U\+2066–U\+2069/],
    [{ ...product, name: 'mug\u202A' }, 'name', /reverse the text/],
    [
      { ...product, price: Number.NaN },
      'price',
      'Price must be a number written in digits, like 12.50',
    ],
    [{ ...product, price: '12' }, 'price', 'Price must be a number'],
    [{ ...product, price: 0 }, 'price', 'Price must be greater than 0'],
    [{ ...product, price: 1.005 }, 'price', 'Price may have at most 2 decimal places'],
    [{ ...product, price: 1e9 }, 'price', 'Price must be at most 1,000,000'],
    [{ ...product, price: Number.POSITIVE_INFINITY }, 'price', /Price must/],
    [{ ...product, stock: -1 }, 'stock', 'Stock cannot be negative'],
    [{ ...product, stock: 2.5 }, 'stock', 'Stock must be a whole number'],
  ])('refuses %j at %s', (input, path, message) => {
    const issue = issuesOf(addProductData, input).find((i) => i.path === path);
    expect(issue?.message).toMatch(message);
  });

  it('accepts a good product and trims text', () =>
    expect(addProductData.parse({ ...product, sku: ' SKU-1 ', name: ' Mug ' })).toEqual({
      ...product,
      name: 'Mug',
    }));

  it('accepts prices with two decimals such as 0.07 and 19.99', () => {
    expect(issuesOf(addProductData, { ...product, price: 0.07 })).toEqual([]);
    expect(issuesOf(addProductData, { ...product, price: 19.99 })).toEqual([]);
  });
});

describe('Place order input', () => {
  it.each([
    [
      { orderId: 'ORD-1', lines: [{ sku: 'SKU-1', quantity: -3 }] },
      'lines.0.quantity',
      'Quantity must be at least 1',
    ],
    [
      { orderId: 'ORD-1', lines: [{ sku: 'SKU-1', quantity: 0 }] },
      'lines.0.quantity',
      'Quantity must be at least 1',
    ],
    [
      { orderId: 'ORD-1', lines: [{ sku: 'SKU-1', quantity: 1.5 }] },
      'lines.0.quantity',
      'Quantity must be a whole number',
    ],
    [
      { orderId: 'ORD-1', lines: [{ sku: 'SKU-1', quantity: 1e7 }] },
      'lines.0.quantity',
      'Quantity must be at most 10,000',
    ],
    [{ orderId: 'ORD-1', lines: [{ sku: 'SKU-1' }] }, 'lines.0.quantity', 'Quantity is required'],
    [{ orderId: 'ORD-1', lines: [] }, 'lines', 'An order needs at least one line'],
    [{ orderId: 'ORD-1' }, 'lines', 'An order needs at least one line'],
    [{ orderId: '', lines: [{ sku: 'SKU-1', quantity: 1 }] }, 'orderId', 'Order is required'],
    [
      {
        orderId: 'ORD-1',
        lines: [
          { sku: 'SKU-1', quantity: 1 },
          { sku: 'SKU-1', quantity: 2 },
        ],
      },
      'lines.1.sku',
      /already on another line/,
    ],
  ])('refuses %j at %s', (input, path, message) => {
    const issue = issuesOf(placeOrderData, input).find((i) => i.path === path);
    expect(issue?.message).toMatch(message);
  });
});

describe('Command envelope', () => {
  const meta = { commandId: 'c1', issuedAt: '2026-01-01T10:00:00.000Z' };

  it('accepts a well-formed command', () =>
    expect(shopCommandSchema.safeParse({ type: 'AddProduct', data: product, meta }).success).toBe(
      true,
    ));

  it('refuses an unknown command type', () =>
    expect(issuesOf(shopCommandSchema, { type: 'DropTables', data: {}, meta })[0]?.message).toBe(
      'Unknown command',
    ));

  it('refuses a command without an id or time', () =>
    expect(
      shopCommandSchema.safeParse({ type: 'AddProduct', data: product, meta: {} }).success,
    ).toBe(false));
});

import { runAll } from '../testing/run';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectBatchesEqualRebuilds } from '../testing/batches';
import { projectBatch, rebuildView } from '../projection';
import { storedAll } from '../testing/stored';
import type { ShopCommand } from './commands';
import { streamOfShopEvent, type ShopEvent } from './events';
import {
  INDEX_KEY,
  productSearchProjection,
  searchProducts,
  type ProductSearchRow,
} from './productSearch.projection';
import { shopDomain } from './shop.decider';

const meta = { commandId: 'c', issuedAt: '2026-01-01T10:00:00.000Z' };

const runShop = (commands: readonly ShopCommand[]) => runAll(shopDomain, commands);

const indexAfter = (events: readonly ShopEvent[]) =>
  rebuildView(productSearchProjection, storedAll(events, streamOfShopEvent))[INDEX_KEY];

const added = (sku: string, name: string, price: number): ShopEvent => ({
  type: 'ProductAdded',
  data: { sku, name, price, stock: 5 },
});
const repriced = (sku: string, price: number, previousPrice: number): ShopEvent => ({
  type: 'PriceChanged',
  data: { sku, price, previousPrice },
});

const catalogue = [
  added('MUG-1', 'Blue mug', 12.5),
  added('MUG-2', 'Red mug', 11),
  added('KEY-1', 'Mechanical keyboard', 89.99),
];

const found = (row: ProductSearchRow | undefined, query: string) =>
  searchProducts(row, query).map(({ sku, name, price }) => ({ sku, name, price }));

describe('Product search', () => {
  describe('When a product is added', () => {
    const row = indexAfter([added('MUG-1', 'Blue mug', 12.5)]);

    it('finds it by a word of its name, with its SKU, name, price and a score', () => {
      const [hit, ...rest] = searchProducts(row, 'mug');
      expect(hit).toMatchObject({ sku: 'MUG-1', name: 'Blue mug', price: 12.5 });
      expect(hit?.score).toBeGreaterThan(0);
      expect(rest).toEqual([]);
    });

    it('finds it by the start of a word and by its SKU', () => {
      expect(found(row, 'blu')).toEqual([{ sku: 'MUG-1', name: 'Blue mug', price: 12.5 }]);
      expect(found(row, 'mug-1').map((hit) => hit.sku)).toEqual(['MUG-1']);
    });

    it('keeps the index as plain data: a JSON string and a document count', () => {
      expect(row).toEqual({ index: expect.any(String) as string, documentCount: 1 });
      expect(found(structuredClone(row), 'mug')).toEqual(found(row, 'mug'));
    });
  });

  describe('When several products are added', () => {
    const row = indexAfter(catalogue);

    it('counts them and finds every one that matches, best first', () => {
      expect(row?.documentCount).toBe(3);
      expect(
        found(row, 'mug')
          .map((hit) => hit.sku)
          .sort(),
      ).toEqual(['MUG-1', 'MUG-2']);
    });

    it('narrows with every word of the query', () =>
      expect(found(row, 'red mug')).toEqual([{ sku: 'MUG-2', name: 'Red mug', price: 11 }]));

    it('finds a product despite a typo', () =>
      expect(found(row, 'keybaord')).toEqual([
        { sku: 'KEY-1', name: 'Mechanical keyboard', price: 89.99 },
      ]));

    it('finds nothing when nothing matches', () => expect(found(row, 'espresso')).toEqual([]));

    it('finds nothing for a blank query', () => {
      expect(found(row, '')).toEqual([]);
      expect(found(row, '   ')).toEqual([]);
    });

    it('returns at most `limit` hits', () => {
      expect(searchProducts(row, 'mug', 1)).toHaveLength(1);
      expect(searchProducts(row, 'mug', 0)).toEqual([]);
    });
  });

  describe('When nothing was indexed yet', () => {
    it('finds nothing', () => expect(searchProducts(undefined, 'mug')).toEqual([]));
  });

  describe('When a price changes', () => {
    const row = indexAfter([...catalogue, repriced('MUG-1', 9.99, 12.5)]);

    it('shows the new price and still finds the product by name', () =>
      expect(found(row, 'blue')).toEqual([{ sku: 'MUG-1', name: 'Blue mug', price: 9.99 }]));

    it('keeps one document per product', () => expect(row?.documentCount).toBe(3));

    it('ignores a price change for a product it never saw added', () => {
      const unknown = repriced('LAMP-1', 20, 25);
      expect(indexAfter([unknown])).toBeUndefined();
      expect(indexAfter([...catalogue, unknown])).toEqual(indexAfter(catalogue));
    });
  });

  describe('When order and stock events arrive', () => {
    it('ignores them', () => {
      const { log } = runShop([
        { type: 'AddProduct', data: { sku: 'MUG-1', name: 'Blue mug', price: 2, stock: 3 }, meta },
        {
          type: 'PlaceOrder',
          data: { orderId: 'ORD-1', lines: [{ sku: 'MUG-1', quantity: 1 }] },
          meta,
        },
        { type: 'CancelOrder', data: { orderId: 'ORD-1' }, meta },
      ]);
      const [first, ...rest] = storedAll(log, streamOfShopEvent);
      const rows: Record<string, ProductSearchRow | undefined> = {};
      projectBatch(productSearchProjection, rows, first ? [first] : []);
      expect(rest).toHaveLength(4);
      expect(projectBatch(productSearchProjection, rows, rest)).toEqual({});
    });
  });
});

// Random shop traffic through the real decider: products come and get repriced among orders.
const skus = ['SKU-1', 'SKU-2', 'SKU-3', 'SKU-4', 'SKU-5'];
const names = [
  'Blue mug',
  'Red mug',
  'Mechanical keyboard',
  'Keyboard cover',
  'Espresso machine',
  'Wool scarf',
  'Desk lamp',
];
const cents = fc.integer({ min: 1, max: 10_000 }).map((c) => c / 100);
const shopCommand: fc.Arbitrary<ShopCommand> = fc.oneof(
  {
    arbitrary: fc
      .record({
        sku: fc.constantFrom(...skus),
        name: fc.constantFrom(...names),
        price: cents,
        stock: fc.integer({ min: 0, max: 9 }),
      })
      .map((data) => ({ type: 'AddProduct' as const, data, meta })),
    weight: 2,
  },
  {
    arbitrary: fc
      .record({ sku: fc.constantFrom(...skus), price: cents })
      .map((data) => ({ type: 'ChangePrice' as const, data, meta })),
    weight: 3,
  },
  fc
    .record({ sku: fc.constantFrom(...skus), quantity: fc.integer({ min: 1, max: 5 }) })
    .map((data) => ({ type: 'Restock' as const, data, meta })),
  fc
    .tuple(fc.integer({ min: 1, max: 5 }), fc.constantFrom(...skus), fc.integer({ min: 1, max: 3 }))
    .map(([n, sku, quantity]) => ({
      type: 'PlaceOrder' as const,
      data: { orderId: `ORD-${n}`, lines: [{ sku, quantity }] },
      meta,
    })),
  fc
    .tuple(
      fc.constantFrom('PayOrder' as const, 'CancelOrder' as const),
      fc.integer({ min: 1, max: 5 }),
    )
    .map(([type, n]) => ({ type, data: { orderId: `ORD-${n}` }, meta })),
);
const traffic = fc.array(shopCommand, { minLength: 1, maxLength: 40, size: 'max' });

describe('Product search properties', () => {
  // Every event reloads and re-serializes the whole index and every prefix is rebuilt from scratch,
  // so a run costs O(events²) index loads; with a handful of products 1,000 runs take about 1 s.
  it('applied batch by batch equals a rebuild at every prefix', () =>
    fc.assert(
      fc.property(
        traffic,
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 10 }),
        (commands, batchSizes) => {
          const events = storedAll(runShop(commands).log, streamOfShopEvent);
          expectBatchesEqualRebuilds(productSearchProjection, events, batchSizes);
        },
      ),
      { numRuns: 1000 },
    ));

  it('finds every product of the write model by its name and SKU, at its current price', () =>
    fc.assert(
      fc.property(traffic, (commands) => {
        const { state, log } = runShop(commands);
        const row = indexAfter(log);
        const products = Object.values(state.products);
        expect(row?.documentCount ?? 0).toBe(products.length);
        for (const { sku, name, price } of products) {
          expect(found(row, name)).toContainEqual({ sku, name, price });
          expect(found(row, sku)).toContainEqual({ sku, name, price });
        }
      }),
      { numRuns: 1000 },
    ));
});

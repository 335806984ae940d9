// Invariants that must hold for any sequence of commands, not only the ones we thought of.
import { runAll } from '../testing/run';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ShopCommand } from './commands';
import { available, shopDomain } from './shop.decider';

const skus = ['SKU-1', 'SKU-2', 'SKU-3'];
const meta = { commandId: 'c', issuedAt: '2026-01-01T00:00:00.000Z' };

const addProduct = fc
  .record({
    sku: fc.constantFrom(...skus),
    stock: fc.integer({ min: 0, max: 20 }),
    price: fc.integer({ min: 1, max: 10_000 }).map((cents) => cents / 100),
  })
  .map((d): ShopCommand => ({
    type: 'AddProduct',
    data: { ...d, name: `Product ${d.sku}` },
    meta,
  }));

const placeOrder = fc
  .tuple(
    fc.integer({ min: 1, max: 50 }),
    fc.uniqueArray(
      fc.record({ sku: fc.constantFrom(...skus), quantity: fc.integer({ min: 1, max: 8 }) }),
      {
        minLength: 1,
        maxLength: 3,
        selector: (line) => line.sku,
      },
    ),
  )
  .map(([n, lines]): ShopCommand => ({
    type: 'PlaceOrder',
    data: { orderId: `ORD-${n}`, lines },
    meta,
  }));

const orderCommand = fc
  .tuple(
    fc.constantFrom('PayOrder' as const, 'ShipOrder' as const, 'CancelOrder' as const),
    fc.integer({ min: 1, max: 50 }),
  )
  .map(([type, n]): ShopCommand => ({ type, data: { orderId: `ORD-${n}` }, meta }));

const restock = fc
  .record({ sku: fc.constantFrom(...skus), quantity: fc.integer({ min: 1, max: 10 }) })
  .map((data): ShopCommand => ({ type: 'Restock', data, meta }));

const commands = fc.array(fc.oneof(addProduct, placeOrder, orderCommand, restock), {
  maxLength: 60,
});

const run = (sequence: readonly ShopCommand[]) => runAll(shopDomain, sequence);

describe('Shop invariants', () => {
  it('available stock never goes below zero', () =>
    fc.assert(
      fc.property(commands, (sequence) => {
        const { state } = run(sequence);
        for (const product of Object.values(state.products))
          expect(available(product)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 1000 },
    ));

  it('replaying the log gives the state the decisions were taken on', () =>
    fc.assert(
      fc.property(commands, (sequence) => {
        const { state, log } = run(sequence);
        expect(log.reduce(shopDomain.evolve, shopDomain.initialState())).toEqual(state);
      }),
      { numRuns: 1000 },
    ));

  it('every reserved unit belongs to an open (placed or paid) order line', () =>
    fc.assert(
      fc.property(commands, (sequence) => {
        const { state } = run(sequence);
        for (const product of Object.values(state.products)) {
          const ordered = Object.values(state.orders)
            .filter((order) => order.status === 'placed' || order.status === 'paid')
            .flatMap((order) => order.lines)
            .filter((line) => line.sku === product.sku)
            .reduce((sum, line) => sum + line.quantity, 0);
          expect(product.reserved).toBe(ordered);
        }
      }),
      { numRuns: 1000 },
    ));
});

// The read views must agree with the write model: same facts, different shapes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountBalancesProjection } from './bank/accountBalances.projection';
import { bankDomain } from './bank/bank.decider';
import type { BankCommand } from './bank/commands';
import { projectBatch, rebuildView } from './projection';
import type { ShopCommand } from './shop/commands';
import { shopDomain } from './shop/shop.decider';
import { available } from './shop/shop.state';
import { stockLevelsProjection, type StockLevelRow } from './shop/stockLevels.projection';
import { storedAll } from './testing/stored';
import { runAll } from './testing/run';

const meta = { commandId: 'c', issuedAt: '2026-01-01T00:00:00.000Z' };

const skus = ['SKU-1', 'SKU-2'];
const shopCommand: fc.Arbitrary<ShopCommand> = fc.oneof(
  fc
    .record({ sku: fc.constantFrom(...skus), stock: fc.integer({ min: 0, max: 9 }) })
    .map((d) => ({ type: 'AddProduct' as const, data: { ...d, name: d.sku, price: 2.5 }, meta })),
  fc
    .record({ sku: fc.constantFrom(...skus), quantity: fc.integer({ min: 1, max: 5 }) })
    .map((data) => ({ type: 'Restock' as const, data, meta })),
  fc
    .record({
      sku: fc.constantFrom(...skus),
      price: fc.integer({ min: 1, max: 999 }).map((c) => c / 100),
    })
    .map((data) => ({ type: 'ChangePrice' as const, data, meta })),
  fc
    .tuple(fc.integer({ min: 1, max: 8 }), fc.constantFrom(...skus), fc.integer({ min: 1, max: 4 }))
    .map(([n, sku, quantity]) => ({
      type: 'PlaceOrder' as const,
      data: { orderId: `O${n}`, lines: [{ sku, quantity }] },
      meta,
    })),
  fc
    .tuple(
      fc.constantFrom('PayOrder' as const, 'ShipOrder' as const, 'CancelOrder' as const),
      fc.integer({ min: 1, max: 8 }),
    )
    .map(([type, n]) => ({ type, data: { orderId: `O${n}` }, meta })),
);

describe('Stock levels', () => {
  it('shows exactly the write model’s stock after any sequence of commands', () =>
    fc.assert(
      fc.property(fc.array(shopCommand, { maxLength: 50 }), (commands) => {
        const { state, log } = runAll(shopDomain, commands);
        const view = rebuildView(stockLevelsProjection, storedAll(log, shopDomain.streamOf));
        for (const product of Object.values(state.products))
          expect(view[product.sku]).toMatchObject({
            onHand: product.onHand,
            reserved: product.reserved,
            available: available(product),
            price: product.price,
          });
        expect(Object.keys(view).sort()).toEqual(Object.keys(state.products).sort());
      }),
      { numRuns: 1000 },
    ));

  it('applied in batches equals a rebuild at every prefix', () =>
    fc.assert(
      fc.property(
        fc.array(shopCommand, { maxLength: 40 }),
        fc.integer({ min: 1, max: 6 }),
        (commands, size) => {
          const events = storedAll(runAll(shopDomain, commands).log, shopDomain.streamOf);
          const rows: Record<string, StockLevelRow | undefined> = {};
          for (let i = 0; i < events.length; i += size) {
            projectBatch(stockLevelsProjection, rows, events.slice(i, i + size));
            const defined = Object.fromEntries(Object.entries(rows).filter(([, r]) => r));
            expect(defined).toEqual(rebuildView(stockLevelsProjection, events.slice(0, i + size)));
          }
        },
      ),
      { numRuns: 500 },
    ));
});

const accounts = ['A', 'B'];
const bankCommand: fc.Arbitrary<BankCommand> = fc.oneof(
  fc
    .constantFrom(...accounts)
    .map((accountId) => ({ type: 'OpenAccount' as const, data: { accountId, owner: 'o' }, meta })),
  fc
    .record({
      accountId: fc.constantFrom(...accounts),
      amount: fc.integer({ min: 1, max: 9999 }).map((c) => c / 100),
    })
    .map((data) => ({ type: 'Deposit' as const, data, meta })),
  fc
    .record({
      accountId: fc.constantFrom(...accounts),
      amount: fc.integer({ min: 1, max: 9999 }).map((c) => c / 100),
    })
    .map((data) => ({ type: 'Withdraw' as const, data, meta })),
  fc
    .record({
      from: fc.constantFrom(...accounts),
      to: fc.constantFrom(...accounts),
      amount: fc.integer({ min: 1, max: 9999 }).map((c) => c / 100),
    })
    .map((d) => ({ type: 'Transfer' as const, data: { ...d, transferId: 'T' }, meta })),
);

describe('Account balances', () => {
  it('shows exactly the write model’s balances after any sequence of commands', () =>
    fc.assert(
      fc.property(fc.array(bankCommand, { maxLength: 50 }), (commands) => {
        const { state, log } = runAll(bankDomain, commands);
        const view = rebuildView(accountBalancesProjection, storedAll(log, bankDomain.streamOf));
        for (const account of Object.values(state.accounts))
          expect(Math.round((view[account.accountId]?.balance ?? Number.NaN) * 100)).toBe(
            account.balanceCents,
          );
        expect(Object.keys(view).sort()).toEqual(Object.keys(state.accounts).sort());
      }),
      { numRuns: 1000 },
    ));
});

// Any lab command, shop or bank, over a few products, orders and accounts so that commands meet:
// property tests run sequences of these through the rules and compare two ways of keeping state.
import fc from 'fast-check';
import type { LabCommand } from '../lab';

const meta = { commandId: 'c', issuedAt: '2026-01-01T00:00:00.000Z' };
const skus = ['A', 'B'];
const accounts = ['X', 'Y'];
const money = fc.integer({ min: 1, max: 5000 }).map((c) => c / 100);
const id = fc.integer({ min: 1, max: 5 }).map((n) => `O${n}`);

export const labCommand: fc.Arbitrary<LabCommand> = fc.oneof(
  fc
    .record({ sku: fc.constantFrom(...skus), stock: fc.integer({ min: 0, max: 5 }) })
    .map(({ sku, stock }) => ({
      type: 'AddProduct' as const,
      data: { sku, name: sku, price: 2, stock },
      meta,
    })),
  fc
    .record({ sku: fc.constantFrom(...skus), quantity: fc.integer({ min: 1, max: 3 }) })
    .map((data) => ({ type: 'Restock' as const, data, meta })),
  fc
    .record({ sku: fc.constantFrom(...skus), price: money })
    .map((data) => ({ type: 'ChangePrice' as const, data, meta })),
  fc
    .record({
      orderId: id,
      lines: fc.uniqueArray(
        fc.record({ sku: fc.constantFrom(...skus), quantity: fc.integer({ min: 1, max: 3 }) }),
        { minLength: 1, maxLength: 2, selector: (l) => l.sku },
      ),
    })
    .map((data) => ({ type: 'PlaceOrder' as const, data, meta })),
  fc
    .record({
      type: fc.constantFrom('PayOrder' as const, 'ShipOrder' as const, 'CancelOrder' as const),
      orderId: id,
    })
    .map(({ type, orderId }) => ({ type, data: { orderId }, meta })),
  fc
    .constantFrom(...accounts)
    .map((accountId) => ({ type: 'OpenAccount' as const, data: { accountId, owner: 'o' }, meta })),
  fc
    .record({
      type: fc.constantFrom('Deposit' as const, 'Withdraw' as const),
      accountId: fc.constantFrom(...accounts),
      amount: money,
    })
    .map(({ type, accountId, amount }) => ({ type, data: { accountId, amount }, meta })),
  fc
    .record({ from: fc.constantFrom(...accounts), to: fc.constantFrom(...accounts), amount: money })
    .map((d) => ({ type: 'Transfer' as const, data: { ...d, transferId: 'T' }, meta })),
);

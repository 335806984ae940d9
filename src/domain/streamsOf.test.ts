// The write model decides each command on the states of the streams `streamsOf` names, each folded
// from its own events. That must give the same decision as the state of the whole log, or a rule
// is reading a stream nobody loaded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labDomain, type LabCommand, type LabEvent, type LabState } from './lab';
import { DomainError } from './types';

const meta = { commandId: 'c', issuedAt: '2026-01-01T00:00:00.000Z' };
const skus = ['A', 'B'];
const accounts = ['X', 'Y'];
const money = fc.integer({ min: 1, max: 5000 }).map((c) => c / 100);
const id = fc.integer({ min: 1, max: 5 }).map((n) => `O${n}`);

const command: fc.Arbitrary<LabCommand> = fc.oneof(
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

const attempt = (c: LabCommand, state: LabState): LabEvent[] | string => {
  try {
    return labDomain.decide(c, state);
  } catch (error) {
    if (error instanceof DomainError) return error.message;
    throw error;
  }
};

describe('Deciding on the streams a command names', () => {
  it('gives the same decision as deciding on the whole log', () =>
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        let whole = labDomain.initialState();
        const byStream = new Map<string, LabState>();
        for (const c of commands) {
          const parts = labDomain
            .streamsOf(c)
            .map((s) => byStream.get(s) ?? labDomain.initialState());
          const fromParts = attempt(c, labDomain.combine(parts));
          expect(fromParts).toEqual(attempt(c, whole));
          if (typeof fromParts === 'string') continue;
          for (const event of fromParts) {
            const stream = labDomain.streamOf(event);
            byStream.set(
              stream,
              labDomain.evolve(byStream.get(stream) ?? labDomain.initialState(), event),
            );
            whole = labDomain.evolve(whole, event);
          }
        }
        expect(labDomain.combine([...byStream.values()])).toEqual(whole);
      }),
      { numRuns: 1000 },
    ));
});

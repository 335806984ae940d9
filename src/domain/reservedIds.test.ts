// Ids key the state, the views and the screen's stores: names that every object already answers
// to must never be mistaken for a product, an order or an account.
import { describe, expect, it } from 'vitest';
import { bankDomain } from './bank/bank.decider';
import { whyNot } from './factCheck';
import { labCommandSchema, labDomain, type LabEvent } from './lab';
import { shopDomain } from './shop/shop.decider';

const meta = { commandId: 'c1', issuedAt: '2026-01-01T10:00:00.000Z' };

describe('Reserved names', () => {
  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty'])(
    'are refused as an id at the boundary, with a message saying so: %s',
    (id) => {
      const parsed = labCommandSchema.safeParse({
        type: 'AddProduct',
        data: { sku: id, name: 'Mug', price: 1, stock: 1 },
        meta,
      });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe(
        `SKU cannot be “${id}”: that name is reserved, choose another`,
      );
    },
  );

  it('are not found in an empty state by the rules, whatever gets past the boundary', () => {
    const empty = shopDomain.initialState();
    expect(() =>
      shopDomain.decide(
        { type: 'AddProduct', data: { sku: 'constructor', name: 'M', price: 1, stock: 1 }, meta },
        empty,
      ),
    ).not.toThrow();
    expect(() =>
      shopDomain.decide({ type: 'Restock', data: { sku: 'toString', quantity: 1 }, meta }, empty),
    ).toThrow(/no product/);
    expect(() =>
      bankDomain.decide(
        { type: 'Deposit', data: { accountId: 'valueOf', amount: 1 }, meta },
        bankDomain.initialState(),
      ),
    ).toThrow(/no account/);
  });

  it('are not found by the checks of imported facts either', () => {
    const state = labDomain.initialState();
    const reserve = {
      type: 'StockReserved',
      data: { sku: 'toString', orderId: 'O1', quantity: 5 },
    } as LabEvent;
    expect(whyNot(state, reserve, labDomain.evolve(state, reserve))).toBe(
      'there is no product toString at this point',
    );
    const added = {
      type: 'ProductAdded',
      data: { sku: 'constructor', name: 'M', price: 1, stock: 1 },
    } as LabEvent;
    expect(whyNot(state, added, labDomain.evolve(state, added))).toBeNull();
  });
});

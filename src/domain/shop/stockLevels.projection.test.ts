import { describe, expect, it } from 'vitest';
import { rebuildView } from '../projection';
import { storedAll } from '../testing/stored';
import { accountBalancesProjection } from '../bank/accountBalances.projection';
import { streamOfBankEvent, type BankEvent } from '../bank/events';
import { streamOfShopEvent, type ShopEvent } from './events';
import { stockLevelsProjection } from './stockLevels.projection';

const stock = (events: ShopEvent[]) =>
  rebuildView(stockLevelsProjection, storedAll(events, streamOfShopEvent));
const move = (
  type: 'StockReserved' | 'StockReleased' | 'StockShipped',
  quantity: number,
): ShopEvent => ({
  type,
  data: { sku: 'SKU-1', orderId: 'O1', quantity },
});
const added: ShopEvent = {
  type: 'ProductAdded',
  data: { sku: 'SKU-1', name: 'Mug', price: 2.5, stock: 10 },
};

describe('Stock levels', () => {
  describe('When a product is added', () => {
    it('has all its stock on hand and available', () =>
      expect(stock([added])['SKU-1']).toEqual({
        sku: 'SKU-1',
        name: 'Mug',
        price: 2.5,
        onHand: 10,
        reserved: 0,
        available: 10,
        lastPosition: 1,
      }));
  });

  describe('When stock moves', () => {
    it('reserving takes from available, not from on hand', () =>
      expect(stock([added, move('StockReserved', 3)])['SKU-1']).toMatchObject({
        onHand: 10,
        reserved: 3,
        available: 7,
      }));

    it('releasing gives it back', () =>
      expect(
        stock([added, move('StockReserved', 3), move('StockReleased', 3)])['SKU-1'],
      ).toMatchObject({
        reserved: 0,
        available: 10,
      }));

    it('shipping takes it off the shelf', () =>
      expect(
        stock([added, move('StockReserved', 3), move('StockShipped', 3)])['SKU-1'],
      ).toMatchObject({
        onHand: 7,
        reserved: 0,
        available: 7,
      }));

    it('restocking adds to on hand and available', () =>
      expect(
        stock([added, { type: 'ProductRestocked', data: { sku: 'SKU-1', quantity: 5 } }])['SKU-1'],
      ).toMatchObject({
        onHand: 15,
        available: 15,
      }));

    it('a price change updates only the price', () =>
      expect(
        stock([
          added,
          { type: 'PriceChanged', data: { sku: 'SKU-1', price: 3, previousPrice: 2.5 } },
        ])['SKU-1'],
      ).toMatchObject({
        price: 3,
        onHand: 10,
        lastPosition: 2,
      }));
  });

  describe('When an event names a product it never saw', () => {
    it('ignores it', () => expect(stock([move('StockReserved', 1)])).toEqual({}));
  });
});

const balances = (events: BankEvent[]) =>
  rebuildView(accountBalancesProjection, storedAll(events, streamOfBankEvent));
const opened = (accountId: string): BankEvent => ({
  type: 'AccountOpened',
  data: { accountId, owner: 'Ada', openedAt: '2026-01-01T00:00:00.000Z' },
});

describe('Account balances', () => {
  it('starts an opened account at 0', () =>
    expect(balances([opened('A')]).A).toEqual({
      accountId: 'A',
      owner: 'Ada',
      balance: 0,
      lastPosition: 1,
    }));

  it('adds deposits and takes withdrawals, in whole cents', () =>
    expect(
      balances([
        opened('A'),
        { type: 'MoneyDeposited', data: { accountId: 'A', amount: 0.1 } },
        { type: 'MoneyDeposited', data: { accountId: 'A', amount: 0.2 } },
        { type: 'MoneyWithdrawn', data: { accountId: 'A', amount: 0.05 } },
      ]).A?.balance,
    ).toBe(0.25));

  it('moves a transfer from one row to the other', () => {
    const transfer = { transferId: 'T', from: 'A', to: 'B', amount: 4 };
    const view = balances([
      opened('A'),
      opened('B'),
      { type: 'MoneyDeposited', data: { accountId: 'A', amount: 10 } },
      { type: 'TransferSent', data: transfer },
      { type: 'TransferReceived', data: transfer },
    ]);
    expect([view.A?.balance, view.B?.balance]).toEqual([6, 4]);
  });

  it('ignores money for an account it never saw opened', () =>
    expect(balances([{ type: 'MoneyDeposited', data: { accountId: 'Z', amount: 1 } }])).toEqual(
      {},
    ));
});

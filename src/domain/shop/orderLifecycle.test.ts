import { describe, expect, it } from 'vitest';
import { specFor } from '../testing/given';
import type { ShopCommand } from './commands';
import {
  orderCancelled,
  orderCommand,
  orderOf2,
  orderPaid,
  orderShipped,
  productAdded,
} from './fixtures';
import { available, shopDomain } from './shop.decider';

const given = specFor(shopDomain);
const meta = { commandId: 'cmd-4', issuedAt: '2026-01-01T10:00:04.000Z' };
const at = '2026-01-01T10:00:03.000Z';
const move = (type: 'StockShipped' | 'StockReleased') => ({
  type,
  data: { sku: 'SKU-1', orderId: 'ORD-1', quantity: 2 },
});

describe('Catalogue', () => {
  describe('When a product exists', () => {
    it('can change its price', () =>
      given([productAdded()])
        .when({ type: 'ChangePrice', data: { sku: 'SKU-1', price: 9.99 }, meta })
        .then([
          { type: 'PriceChanged', data: { sku: 'SKU-1', price: 9.99, previousPrice: 12.5 } },
        ]));

    it('cannot change its price to the same price', () =>
      given([productAdded()])
        .when({ type: 'ChangePrice', data: { sku: 'SKU-1', price: 12.5 }, meta })
        .thenThrows('The price of SKU-1 is already 12.50'));

    it('cannot change its price to 0', () =>
      given([productAdded()])
        .when({ type: 'ChangePrice', data: { sku: 'SKU-1', price: 0 }, meta })
        .thenThrows(/greater than 0/));

    it('can be restocked', () =>
      given([productAdded()])
        .when({ type: 'Restock', data: { sku: 'SKU-1', quantity: 4 }, meta })
        .then([{ type: 'ProductRestocked', data: { sku: 'SKU-1', quantity: 4 } }]));

    it('cannot be restocked by 0', () =>
      given([productAdded()])
        .when({ type: 'Restock', data: { sku: 'SKU-1', quantity: 0 }, meta })
        .thenThrows(/at least 1, not 0/));

    it('sells restocked units', () => {
      const state = [
        productAdded('SKU-1', 0),
        { type: 'ProductRestocked', data: { sku: 'SKU-1', quantity: 3 } } as const,
      ].reduce(shopDomain.evolve, shopDomain.initialState());
      expect(state.products['SKU-1'] && available(state.products['SKU-1'])).toBe(3);
    });
  });

  describe('When the product does not exist', () => {
    it.each<ShopCommand>([
      { type: 'ChangePrice', data: { sku: 'SKU-9', price: 1 }, meta },
      { type: 'Restock', data: { sku: 'SKU-9', quantity: 1 }, meta },
    ])('refuses $type', (command) =>
      given([productAdded()]).when(command).thenThrows('There is no product with SKU SKU-9'),
    );
  });
});

describe('Order lifecycle', () => {
  const placed = [productAdded(), ...orderOf2];

  describe('When placed', () => {
    it('can be paid, for its total', () =>
      given(placed)
        .when(orderCommand('PayOrder'))
        .then([{ type: 'OrderPaid', data: { orderId: 'ORD-1', amount: 25, paidAt: at } }]));

    it('cannot be shipped before it is paid', () =>
      given(placed)
        .when(orderCommand('ShipOrder'))
        .thenThrows(/not paid yet/));

    it('can be cancelled, releasing its stock', () =>
      given(placed)
        .when(orderCommand('CancelOrder'))
        .then([orderCancelled, move('StockReleased')]));
  });

  describe('When paid', () => {
    const paid = [...placed, orderPaid];

    it('cannot be paid twice', () =>
      given(paid).when(orderCommand('PayOrder')).thenThrows('Order ORD-1 is already paid'));

    it('ships, taking its stock out of the warehouse', () =>
      given(paid)
        .when(orderCommand('ShipOrder'))
        .then([orderShipped, move('StockShipped')]));

    it('can still be cancelled before it ships', () =>
      given(paid)
        .when(orderCommand('CancelOrder'))
        .then([orderCancelled, move('StockReleased')]));
  });

  describe('When shipped', () => {
    const shipped = [...placed, orderPaid, orderShipped, move('StockShipped')];

    it('cannot be cancelled', () =>
      given(shipped)
        .when(orderCommand('CancelOrder'))
        .thenThrows(/already shipped, so it cannot be cancelled/));

    it('cannot ship again', () =>
      given(shipped).when(orderCommand('ShipOrder')).thenThrows('Order ORD-1 has already shipped'));

    it('has left the warehouse: on hand and reserved both drop', () => {
      const state = shipped.reduce(shopDomain.evolve, shopDomain.initialState());
      expect(state.products['SKU-1']).toMatchObject({ onHand: 3, reserved: 0 });
    });
  });

  describe('When cancelled', () => {
    const cancelled = [...placed, orderCancelled, move('StockReleased')];

    it.each(['PayOrder', 'ShipOrder'] as const)('refuses %s', (type) =>
      given(cancelled)
        .when(orderCommand(type))
        .thenThrows(/was cancelled/),
    );

    it('cannot be cancelled twice', () =>
      given(cancelled)
        .when(orderCommand('CancelOrder'))
        .thenThrows('Order ORD-1 is already cancelled'));

    it('gave its stock back', () => {
      const state = cancelled.reduce(shopDomain.evolve, shopDomain.initialState());
      expect(state.products['SKU-1'] && available(state.products['SKU-1'])).toBe(5);
    });
  });

  describe('When there is no such order', () => {
    it.each(['PayOrder', 'ShipOrder', 'CancelOrder'] as const)('refuses %s', (type) =>
      given([productAdded()])
        .when(orderCommand(type, 'ORD-9'))
        .thenThrows('There is no order ORD-9'),
    );
  });
});

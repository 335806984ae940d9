import { describe, expect, it } from 'vitest';
import { specFor } from '../testing/given';
import { addProduct, placeOrder, productAdded, stockReserved } from './fixtures';
import { shopDomain } from './shop.decider';
import { streamOfShopEvent } from './events';

const given = specFor(shopDomain);

describe('Product', () => {
  describe('When no product has the SKU', () => {
    it('can be added', () =>
      given([])
        .when(addProduct())
        .then([
          { type: 'ProductAdded', data: { sku: 'SKU-1', name: 'Blue mug', price: 12.5, stock: 5 } },
        ]));

    it('can be added with no stock', () =>
      given([])
        .when(addProduct({ stock: 0 }))
        .then([productAdded('SKU-1', 0)]));

    it('cannot have a price of 0', () =>
      given([])
        .when(addProduct({ price: 0 }))
        .thenThrows(/price must be greater than 0/));

    it('cannot have a negative price', () =>
      given([])
        .when(addProduct({ price: -1 }))
        .thenThrows(/price must be greater than 0/));

    it('cannot have negative stock', () =>
      given([])
        .when(addProduct({ stock: -1 }))
        .thenThrows(/stock must be a whole number of 0 or more/));

    it('cannot have fractional stock', () =>
      given([])
        .when(addProduct({ stock: 1.5 }))
        .thenThrows(/whole number/));
  });

  describe('When the SKU already exists', () => {
    it('cannot be added again', () =>
      given([productAdded()])
        .when(addProduct({ name: 'Other' }))
        .thenThrows('SKU SKU-1 already exists (“Blue mug”)'));
  });
});

describe('Order', () => {
  describe('When the products are in stock', () => {
    it('is placed, priced and reserves stock on every line', () =>
      given([productAdded('SKU-1', 5, 12.5), productAdded('SKU-2', 3, 0.1, 'Spoon')])
        .when(
          placeOrder([
            { sku: 'SKU-1', quantity: 2 },
            { sku: 'SKU-2', quantity: 3 },
          ]),
        )
        .then([
          {
            type: 'OrderPlaced',
            data: {
              orderId: 'ORD-1',
              lines: [
                { sku: 'SKU-1', name: 'Blue mug', quantity: 2, unitPrice: 12.5 },
                { sku: 'SKU-2', name: 'Spoon', quantity: 3, unitPrice: 0.1 },
              ],
              total: 25.3,
              placedAt: '2026-01-01T10:00:02.000Z',
            },
          },
          stockReserved('SKU-1', 2, 'ORD-1'),
          stockReserved('SKU-2', 3, 'ORD-1'),
        ]));

    it('may take the last unit', () =>
      given([productAdded('SKU-1', 1)])
        .when(placeOrder([{ sku: 'SKU-1', quantity: 1 }]))
        .then([
          expect.objectContaining({ type: 'OrderPlaced' }),
          stockReserved('SKU-1', 1, 'ORD-1'),
        ]));
  });

  describe('When stock is short', () => {
    it('is refused with what is available', () =>
      given([productAdded('SKU-1', 2)])
        .when(placeOrder([{ sku: 'SKU-1', quantity: 5 }]))
        .thenThrows('Not enough stock for SKU-1: 2 available, 5 requested'));

    it('counts stock reserved by earlier orders', () =>
      given([productAdded('SKU-1', 5), stockReserved('SKU-1', 4)])
        .when(placeOrder([{ sku: 'SKU-1', quantity: 2 }]))
        .thenThrows('Not enough stock for SKU-1: 1 available, 2 requested'));
  });

  describe('When a line is wrong', () => {
    it('cannot order a missing SKU', () =>
      given([productAdded('SKU-1')])
        .when(placeOrder([{ sku: 'SKU-9', quantity: 1 }]))
        .thenThrows('There is no product with SKU SKU-9'));

    it('cannot order a quantity of 0', () =>
      given([productAdded()])
        .when(placeOrder([{ sku: 'SKU-1', quantity: 0 }]))
        .thenThrows(/at least 1, not 0/));

    it('cannot order a negative quantity', () =>
      given([productAdded()])
        .when(placeOrder([{ sku: 'SKU-1', quantity: -2 }]))
        .thenThrows(/at least 1, not -2/));

    it('cannot order a fractional quantity', () =>
      given([productAdded()])
        .when(placeOrder([{ sku: 'SKU-1', quantity: 1.5 }]))
        .thenThrows(/whole number/));

    it('cannot have no lines', () =>
      given([productAdded()]).when(placeOrder([])).thenThrows('An order needs at least one line'));

    it('cannot name one SKU on two lines', () =>
      given([productAdded()])
        .when(
          placeOrder([
            { sku: 'SKU-1', quantity: 1 },
            { sku: 'SKU-1', quantity: 1 },
          ]),
        )
        .thenThrows(/only one line/));
  });

  describe('When the order id is taken', () => {
    it('is refused', () => {
      const first = shopDomain.decide(
        placeOrder([{ sku: 'SKU-1', quantity: 1 }]),
        [productAdded()].reduce(shopDomain.evolve, shopDomain.initialState()),
      );
      given([productAdded(), ...first])
        .when(placeOrder([{ sku: 'SKU-1', quantity: 1 }]))
        .thenThrows('Order ORD-1 already exists');
    });
  });
});

describe('Streams', () => {
  it('an order and each SKU it names are separate streams, written together', () => {
    const state = [productAdded('SKU-1'), productAdded('SKU-2')].reduce(
      shopDomain.evolve,
      shopDomain.initialState(),
    );
    const command = placeOrder([
      { sku: 'SKU-1', quantity: 1 },
      { sku: 'SKU-2', quantity: 1 },
    ]);
    const written = shopDomain.decide(command, state).map(streamOfShopEvent);
    expect(written).toEqual(['order-ORD-1', 'product-SKU-1', 'product-SKU-2']);
  });
});

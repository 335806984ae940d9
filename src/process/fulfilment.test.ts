import { describe, expect, it } from 'vitest';
import {
  decideFulfilment,
  emptyStream,
  evolveStream,
  type FulfilmentCommand,
  type StreamState,
} from './fulfilment';

/** The stream's state after deciding and applying each command in turn. */
const after = (...commands: FulfilmentCommand[]): StreamState =>
  commands.reduce(
    (state, command) => decideFulfilment(command, state).reduce(evolveStream, state),
    emptyStream(),
  );

describe('Fulfilment’s three aggregates, each deciding alone', () => {
  it('places an order without touching stock: reserving is a separate decision', () => {
    expect(
      decideFulfilment(
        { type: 'PlaceOrder', orderId: 'ORD-1', sku: 'SKU-1', quantity: 9, amountCents: 100 },
        emptyStream(),
      ),
    ).toEqual([
      { type: 'OrderPlaced', orderId: 'ORD-1', sku: 'SKU-1', quantity: 9, amountCents: 100 },
    ]);
  });

  it('refuses a reservation it cannot hold with an event, so the process can compensate', () => {
    const stock = after({ type: 'AddStock', sku: 'SKU-1', quantity: 2 });
    expect(
      decideFulfilment(
        { type: 'ReserveStock', sku: 'SKU-1', orderId: 'ORD-1', quantity: 3 },
        stock,
      ),
    ).toEqual([
      { type: 'ReservationRefused', sku: 'SKU-1', orderId: 'ORD-1', quantity: 3, available: 2 },
    ]);
  });

  it('releases exactly what was reserved for the order, once', () => {
    const holding: FulfilmentCommand[] = [
      { type: 'AddStock', sku: 'SKU-1', quantity: 5 },
      { type: 'ReserveStock', sku: 'SKU-1', orderId: 'ORD-1', quantity: 2 },
    ];
    const release = { type: 'ReleaseStock', sku: 'SKU-1', orderId: 'ORD-1' } as const;
    expect(decideFulfilment(release, after(...holding))).toEqual([
      { type: 'StockReleased', sku: 'SKU-1', orderId: 'ORD-1', quantity: 2 },
    ]);
    const released = after(...holding, release);
    expect(() => decideFulfilment(release, released)).toThrow(/holds no reservation/);
  });

  it('takes the payment provider’s answer only while the payment waits for one', () => {
    const request = {
      type: 'RequestPayment',
      orderId: 'ORD-1',
      amountCents: 100,
      dueAt: 10,
    } as const;
    const expired = after(request, { type: 'ExpirePayment', orderId: 'ORD-1' });
    expect(() =>
      decideFulfilment({ type: 'SettlePayment', orderId: 'ORD-1', paid: true }, expired),
    ).toThrow(/expired: too late/);
    const paid = after(request, { type: 'SettlePayment', orderId: 'ORD-1', paid: true });
    expect(() => decideFulfilment({ type: 'ExpirePayment', orderId: 'ORD-1' }, paid)).toThrow(
      /succeeded: nothing expires/,
    );
  });
});

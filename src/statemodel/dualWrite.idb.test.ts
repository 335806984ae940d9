// The dual-write problem on real (in-memory) IndexedDB: a crash between saving an order and
// publishing its message loses the message (write, then publish) or leaves a phantom (publish, then
// write); the outbox loses nothing under crashes of the service or of the relay, and the
// warehouse applies a message delivered twice once.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createRelay,
  ordersSnapshot,
  OrdersDb,
  placeOrder,
  receive,
  takeOrderId,
  WarehouseDb,
  type OrderPlacedMessage,
  type Publishing,
} from './dualWrite';

class Crashed extends Error {}
const crash = () => Promise.reject(new Crashed('crashed'));

const opened: (OrdersDb | WarehouseDb)[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

const setUp = () => {
  const orders = new OrdersDb(`test-orders-${crypto.randomUUID()}`);
  const warehouse = new WarehouseDb(`test-warehouse-${crypto.randomUUID()}`);
  opened.push(orders, warehouse);
  const publish = (message: OrderPlacedMessage) => receive(warehouse, message);
  const place = async (publishing: Publishing, crashAfterFirstStep = false) => {
    const orderId = await takeOrderId(orders);
    await placeOrder(
      orders,
      { publish, crash, nudge: () => undefined },
      { orderId, sku: 'SKU-1', quantity: 2 },
      publishing,
      crashAfterFirstStep,
    ).catch((error: unknown) => {
      if (!(error instanceof Crashed)) throw error;
    });
    return orderId;
  };
  /** A relay as a worker starts it: told to crash after its next publish, or not. */
  const relay = (crashAfterPublish = false) => {
    let armed = crashAfterPublish;
    return createRelay(orders, {
      publish,
      crash,
      crashNow: () => {
        const now = armed;
        armed = false;
        return now;
      },
    });
  };
  const saved = async () => (await ordersSnapshot(orders)).orders.map((o) => o.orderId);
  const picked = () => warehouse.picks.toArray();
  return { orders, place, relay, saved, picked };
};

describe('Saving an order and telling the warehouse', () => {
  it('agree when nothing crashes, whichever way the order is published', async () => {
    const { place, relay, saved, picked } = setUp();
    await place('write-then-publish');
    await place('publish-then-write');
    await place('outbox');
    await relay().run();
    expect(await saved()).toEqual(['ORD-1', 'ORD-2', 'ORD-3']);
    expect((await picked()).map((p) => [p.orderId, p.deliveries])).toEqual([
      ['ORD-1', 1],
      ['ORD-2', 1],
      ['ORD-3', 1],
    ]);
  });

  it('lose the message when the service crashes after saving and before publishing', async () => {
    const { place, relay, saved, picked } = setUp();
    await place('write-then-publish', true);
    await relay().run();
    expect(await saved()).toEqual(['ORD-1']);
    expect(await picked()).toEqual([]);
  });

  it('leave a phantom when the service crashes after publishing and before saving', async () => {
    const { place, saved, picked } = setUp();
    await place('publish-then-write', true);
    expect(await saved()).toEqual([]);
    expect((await picked()).map((p) => p.orderId)).toEqual(['ORD-1']);
  });

  it('lose nothing through the outbox when the service crashes after its transaction', async () => {
    const { place, relay, saved, picked } = setUp();
    await place('outbox', true);
    expect(await picked()).toEqual([]);
    await relay().run();
    expect(await saved()).toEqual(['ORD-1']);
    expect((await picked()).map((p) => p.orderId)).toEqual(['ORD-1']);
  });

  it('publish again after a relay crash between publishing and its checkpoint; the warehouse applies it once', async () => {
    const { orders, place, relay, picked } = setUp();
    await place('outbox');
    await expect(relay(true).run()).rejects.toBeInstanceOf(Crashed);
    expect((await ordersSnapshot(orders)).relayedTo).toBe(0);
    await relay().run();
    expect((await ordersSnapshot(orders)).relayedTo).toBe(1);
    expect((await picked()).map((p) => [p.orderId, p.deliveries])).toEqual([['ORD-1', 2]]);
  });

  it('never give an order number twice, even to an order that was never saved', async () => {
    const { place, saved } = setUp();
    await place('publish-then-write', true);
    await place('write-then-publish');
    expect(await saved()).toEqual(['ORD-2']);
  });
});

describe('The outbox, under crashes of the service and of the relay at any step', () => {
  it('ends with every saved order picked once, and nothing picked that was not saved', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant('place' as const), crash: fc.boolean() }),
            fc.record({ kind: fc.constant('relay' as const), crash: fc.boolean() }),
          ),
          { maxLength: 12, size: 'max' },
        ),
        async (steps) => {
          const { place, relay, saved, picked } = setUp();
          for (const step of steps)
            if (step.kind === 'place') await place('outbox', step.crash);
            else
              await relay(step.crash)
                .run()
                .catch((error: unknown) => {
                  if (!(error instanceof Crashed)) throw error;
                });
          await relay().run();
          const picks = await picked();
          expect(picks.map((p) => p.orderId).sort()).toEqual((await saved()).sort());
          const crashedRelays = steps.filter((s) => s.kind === 'relay' && s.crash).length;
          const extra = picks.reduce((sum, p) => sum + p.deliveries - 1, 0);
          expect(extra).toBeLessThanOrEqual(crashedRelays);
        },
      ),
      { numRuns: 60 },
    );
  });
});

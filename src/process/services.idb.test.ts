// The fulfilment service and the process manager's service as their workers run them, on real
// (in-memory) IndexedDB: a paid order confirmed, a declined one compensated, a timed-out one
// expired on the manager's virtual clock, and a manager killed between an answer and saving it that
// sends the command again under its id, answered as a duplicate.
import { describe, expect, it } from 'vitest';
import { createFulfilmentService, type OrderSummary } from './fulfilmentService';
import { createManagerService, type Sent } from './managerService';
import { PAYMENT_WINDOW_MS } from './processManager';
import { processDatabasesPerTest } from './testing/databases';

const databases = processDatabasesPerTest();

const setUp = async () => {
  const { log, managerDb } = databases();
  const service = createFulfilmentService(log);
  await service.addStock('SKU-1', 3, 'stock-SKU-1');
  const sent: Sent[] = [];
  const manager = (options: Parameters<typeof createManagerService>[2] = {}) =>
    createManagerService(managerDb, service, { sent: (one) => sent.push(one), ...options });
  const order = async (orderId: string): Promise<OrderSummary | undefined> =>
    (await service.orders()).find((o) => o.orderId === orderId);
  return { service, manager, managerDb, sent, order };
};

describe('The fulfilment and process manager services', () => {
  it('confirm a paid order: stock held, payment succeeded, order confirmed', async () => {
    const { service, manager, order } = await setUp();
    const pm = manager();
    const { orderId } = await service.placeOrder('SKU-1', 2, 2500);
    await pm.run();
    expect(await order(orderId)).toMatchObject({
      stock: 'held',
      payment: 'requested',
      order: 'placed',
    });
    await service.settle(orderId, true);
    await pm.run();
    expect(await order(orderId)).toMatchObject({
      stock: 'held',
      payment: 'succeeded',
      order: 'confirmed',
    });
  });

  it('compensate a declined payment and a payment that never comes', async () => {
    const { service, manager, order } = await setUp();
    const pm = manager();
    const declined = (await service.placeOrder('SKU-1', 1, 1000)).orderId;
    const silent = (await service.placeOrder('SKU-1', 1, 1000)).orderId;
    const short = (await service.placeOrder('SKU-1', 2, 1000)).orderId;
    await pm.run();
    expect(await order(short)).toMatchObject({ stock: 'refused', order: 'cancelled' });
    await service.settle(declined, false);
    await pm.run();
    expect(await order(declined)).toMatchObject({
      stock: 'released',
      payment: 'failed',
      order: 'cancelled',
    });
    expect(await order(silent)).toMatchObject({ payment: 'requested', order: 'placed' });
    await pm.advance(PAYMENT_WINDOW_MS + 1);
    expect(await order(silent)).toMatchObject({
      stock: 'released',
      payment: 'expired',
      order: 'cancelled',
    });
    // A late answer from the provider is refused: the payment expired.
    expect((await service.settle(silent, true)).kind).toBe('rejected');
  });

  it('after a kill between an answer and saving it, sends the command again under its id, a duplicate', async () => {
    const { service, manager, managerDb, sent, order } = await setUp();
    // Its first command reaches the write model and is answered; the worker dies before it hears.
    const dying = createManagerService(managerDb, {
      read: service.read,
      handle: async (envelope) => {
        await service.handle(envelope);
        return new Promise<never>(() => undefined);
      },
    });
    const { orderId } = await service.placeOrder('SKU-1', 2, 2500);
    void dying.run();
    await expect.poll(async () => (await order(orderId))?.stock).toBe('held');
    const restarted = manager();
    await restarted.run();
    const reserve = sent.filter((s) => s.command.type === 'ReserveStock');
    expect(reserve.map((s) => [s.commandId, s.again, s.answer.kind])).toContainEqual([
      reserve[0]?.commandId,
      true,
      'duplicate',
    ]);
    expect(await order(orderId)).toMatchObject({ stock: 'held', payment: 'requested' });
  });
});

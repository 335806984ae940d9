// The process manager on real (in-memory) IndexedDB: fulfilment's log and the manager's own saved
// state, checkpoint and outbox. A crash between sending a command and saving its acknowledgement
// sends it again after the restart, under its id, and the write model applies it once.
import { describe, expect, it } from 'vitest';
import { createFulfilmentWriteModel } from './fulfilmentLog';
import { createManagerHost } from './managerHost';
import { processDatabasesPerTest } from './testing/databases';
import { commandIdOf, PAYMENT_WINDOW_MS, type Envelope } from './processManager';

const databases = processDatabasesPerTest();

const setUp = async () => {
  const { log, managerDb: saved } = databases();
  let clock = Date.parse('2026-01-01T00:00:00.000Z');
  const writeModel = createFulfilmentWriteModel(log);
  const sent: Envelope[] = [];
  const host = (send = (e: Envelope) => writeModel.handle(e, clock)) =>
    createManagerHost({
      db: saved,
      read: writeModel.read,
      send: async (envelope) => {
        sent.push(envelope);
        return send(envelope);
      },
      now: () => clock,
    });
  await writeModel.handle(
    { commandId: 'stock', command: { type: 'AddStock', sku: 'SKU-1', quantity: 5 } },
    clock,
  );
  await writeModel.handle(
    {
      commandId: 'ui-ORD-1',
      command: {
        type: 'PlaceOrder',
        orderId: 'ORD-1',
        sku: 'SKU-1',
        quantity: 2,
        amountCents: 2500,
      },
    },
    clock,
  );
  return {
    writeModel,
    host,
    sent,
    types: async () => (await writeModel.read(1, 100)).map((e) => e.event.type),
    advance: (ms: number) => (clock += ms),
    now: () => clock,
  };
};

describe('The process manager’s host', () => {
  it('reserves, requests payment, and confirms once the provider says paid', async () => {
    const { writeModel, host, types, now } = await setUp();
    const manager = host();
    await manager.run();
    expect(await types()).toEqual([
      'StockAdded',
      'OrderPlaced',
      'StockReserved',
      'PaymentRequested',
    ]);
    await writeModel.handle(
      {
        commandId: 'provider-ORD-1',
        command: { type: 'SettlePayment', orderId: 'ORD-1', paid: true },
      },
      now(),
    );
    const done = await manager.run();
    expect((await types()).slice(-2)).toEqual(['PaymentSucceeded', 'OrderConfirmed']);
    expect(done.processes['ORD-1']?.stage).toBe('confirmed');
    expect(done.outbox).toEqual([]);
  });

  it('expires a payment past its due time on its clock, releases the stock and cancels', async () => {
    const { host, types, advance } = await setUp();
    const manager = host();
    await manager.run();
    advance(PAYMENT_WINDOW_MS + 1);
    const done = await manager.run();
    expect((await types()).slice(-3)).toEqual([
      'PaymentExpired',
      'StockReleased',
      'OrderCancelled',
    ]);
    expect(done.processes['ORD-1']?.stage).toBe('cancelled');
  });

  it('after a crash between a send and its acknowledgement, sends it again under its id, applied once', async () => {
    const { writeModel, host, sent, types, now } = await setUp();
    let crashed = false;
    // The first send reaches the write model, then the worker dies before saving the answer.
    const crashing = host(async (envelope) => {
      await writeModel.handle(envelope, now());
      crashed = true;
      throw new Error('killed');
    });
    await expect(crashing.run()).rejects.toThrow('killed');
    expect(crashed).toBe(true);
    // The watchdog starts a new one on the same saved state.
    await host().run();
    const reserve = sent.filter((e) => e.commandId === commandIdOf('ORD-1', 'reserve'));
    expect(reserve).toHaveLength(2);
    expect(reserve[1]).toEqual(reserve[0]);
    expect((await types()).filter((t) => t === 'StockReserved')).toHaveLength(1);
    expect(await types()).toEqual([
      'StockAdded',
      'OrderPlaced',
      'StockReserved',
      'PaymentRequested',
    ]);
  });
});

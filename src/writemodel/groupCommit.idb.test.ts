// Group commit: many commands, one transaction, one outcome each.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventsDelivery } from '../bus/protocol';
import { labCommandSchema, labDomain, type LabCommand, type LabEvent } from '../domain/lab';
import { available } from '../domain/shop/shop.state';
import { EventStoreDb, headPosition, readAll } from '../eventstore';
import { appendedCommands } from '../eventstore/testing/eventStoreFixture';
import { createWriteModel } from './writeModel';

const openDbs: EventStoreDb[] = [];
afterEach(async () => {
  for (const db of openDbs.splice(0)) await db.delete();
});

let n = 0;
const meta = () => ({ commandId: `c-${(n += 1)}`, issuedAt: '2026-01-01T00:00:00.000Z' });

const lab = (maxBatch?: number) => {
  const db = new EventStoreDb(`test-${crypto.randomUUID()}`);
  openDbs.push(db);
  const publish = vi.fn<(delivery: EventsDelivery) => void>();
  const model = createWriteModel({
    db,
    domain: labDomain,
    schema: labCommandSchema,
    now: () => '2026-01-01T00:00:01.000Z',
    publish,
    maxBatch,
  });
  return { db, publish, model };
};

const addProduct = (sku: string, stock: number): LabCommand => ({
  type: 'AddProduct',
  data: { sku, name: sku, price: 1, stock },
  meta: meta(),
});
const order = (orderId: string, sku: string, quantity: number): LabCommand => ({
  type: 'PlaceOrder',
  data: { orderId, lines: [{ sku, quantity }] },
  meta: meta(),
});

const allEvents = async (db: EventStoreDb) => readAll(db, { fromPosition: 1, limit: 1_000_000 });

describe('Group commit', () => {
  describe('When many commands arrive while a transaction is in flight', () => {
    it('appends the queue in one transaction per batch, not one per command', async () => {
      const { db, publish, model } = lab();
      const outcomes = await Promise.all(
        Array.from({ length: 50 }, (_, i) => model.dispatch(addProduct(`SKU-${i}`, 1))),
      );
      expect(outcomes.every((o) => o.status === 'accepted')).toBe(true);
      expect(await headPosition(db)).toBe(50);
      // The first command starts a transaction alone; the other 49 queue behind it and go together.
      expect(publish.mock.calls.map(([d]) => d.events.length)).toEqual([1, 49]);
    });

    it('keeps one transaction alive across a batch of a thousand commands', async () => {
      const { db, publish, model } = lab();
      await model.dispatch(addProduct('SKU-1', 5_000));
      publish.mockClear();
      const outcomes = await Promise.all(
        Array.from({ length: 1_001 }, (_, i) => model.dispatch(order(`O${i}`, 'SKU-1', 1))),
      );
      expect(outcomes.filter((o) => o.status !== 'accepted')).toEqual([]);
      // 1,000 commands (the most per batch) in one transaction, the last one in another.
      expect(publish.mock.calls.map(([d]) => d.events.length).sort((a, b) => b - a)).toEqual([
        2_000, 2,
      ]);
      expect(await headPosition(db)).toBe(2_003);
    });

    it('never puts more than maxBatch commands in one transaction', async () => {
      const { publish, model } = lab(10);
      await Promise.all(
        Array.from({ length: 25 }, (_, i) => model.dispatch(addProduct(`S${i}`, 1))),
      );
      expect(publish.mock.calls.map(([d]) => d.events.length)).toEqual([1, 10, 10, 4]);
    });

    it('decides each command against the ones before it in the same batch', async () => {
      const { db, model } = lab();
      await model.dispatch(addProduct('SKU-1', 3));
      const outcomes = await Promise.all([
        model.dispatch(order('O1', 'SKU-1', 2)),
        model.dispatch(order('O2', 'SKU-1', 2)),
        model.dispatch(order('O3', 'SKU-1', 1)),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['accepted', 'rejected', 'accepted']);
      expect(outcomes[1]).toMatchObject({
        reason: 'Not enough stock for SKU-1: 1 available, 2 requested',
      });
      const versions = (await allEvents(db))
        .filter((e) => e.streamId === 'product-SKU-1')
        .map((e) => e.version);
      expect(versions).toEqual([1, 2, 3]);
    });
  });

  describe('When one command in a batch is refused', () => {
    it('commits the others; the refusal stores nothing, so the same command sent again is decided again', async () => {
      const { db, model } = lab();
      await model.dispatch(addProduct('SKU-1', 1));
      const bad = order('O1', 'SKU-404', 1);
      const outcomes = await Promise.all([
        model.dispatch(addProduct('SKU-2', 1)),
        model.dispatch(bad),
        model.dispatch(order('O2', 'SKU-1', 1)),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['accepted', 'rejected', 'accepted']);
      expect((await allEvents(db)).map((e) => e.type)).toEqual([
        'ProductAdded',
        'ProductAdded',
        'OrderPlaced',
        'StockReserved',
      ]);
      expect(outcomes[1]).toMatchObject({ reason: 'There is no product with SKU SKU-404' });
      expect([...(await appendedCommands(db)).keys()]).not.toContain(bad.meta.commandId);
      await model.dispatch(addProduct('SKU-404', 5));
      expect(await model.dispatch(bad)).toMatchObject({ status: 'accepted', duplicate: false });
    });
  });

  describe('When the store refuses the write (storage full)', () => {
    it('reports every command of the batch as failed, stores none of it, and works again after', async () => {
      const { db, model } = lab();
      await model.dispatch(addProduct('SKU-1', 5));
      const bulkAdd = db.events.bulkAdd.bind(db.events);
      const spy = vi
        .spyOn(db.events, 'bulkAdd')
        .mockImplementationOnce(
          () => Promise.reject(new DOMException('full', 'QuotaExceededError')) as never,
        );
      const outcomes = await Promise.all([
        model.dispatch(order('O1', 'SKU-1', 1)),
        model.dispatch(addProduct('SKU-2', 1)),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['failed', 'failed']);
      expect(outcomes[0]).toMatchObject({
        reason: expect.stringMatching(
          /^Your browser’s storage for this site is full, so nothing was saved\. Free some space/,
        ) as string,
      });
      expect(await headPosition(db)).toBe(1);
      expect((await appendedCommands(db)).size).toBe(1);

      spy.mockImplementation(bulkAdd);
      expect((await model.dispatch(order('O1', 'SKU-1', 1))).status).toBe('accepted');
      expect(await headPosition(db)).toBe(3);
    });
  });

  describe('When the storage error comes wrapped in an aborted transaction', () => {
    it('still says the storage is full, and still stores nothing', async () => {
      const { db, model } = lab();
      await model.dispatch(addProduct('SKU-1', 5));
      const aborted = Object.assign(new Error('Transaction aborted'), {
        name: 'AbortError',
        inner: new DOMException('full', 'QuotaExceededError'),
      });
      vi.spyOn(db.events, 'bulkAdd').mockImplementationOnce(() => Promise.reject(aborted) as never);
      const outcome = await model.dispatch(order('O1', 'SKU-1', 1));
      expect(outcome).toMatchObject({
        status: 'failed',
        reason: expect.stringMatching(/storage for this site is full/) as string,
      });
      expect(await headPosition(db)).toBe(1);
    });
  });

  describe('When the unique [streamId+version] index refuses a batch', () => {
    it('reads the log again and decides the commands once more', async () => {
      const { db, model } = lab();
      await model.dispatch(addProduct('SKU-1', 5));
      const bulkAdd = db.events.bulkAdd.bind(db.events);
      const spy = vi
        .spyOn(db.events, 'bulkAdd')
        .mockImplementationOnce(
          () => Promise.reject(new DOMException('taken', 'ConstraintError')) as never,
        )
        .mockImplementation(bulkAdd);
      const outcome = await model.dispatch(order('O1', 'SKU-1', 2));
      expect(outcome.status).toBe('accepted');
      expect(spy).toHaveBeenCalledTimes(2);
      expect((await allEvents(db)).map((e) => e.type)).toEqual([
        'ProductAdded',
        'OrderPlaced',
        'StockReserved',
      ]);
    });
  });

  describe('When another tab appended in the meantime', () => {
    it('reads those events before deciding', async () => {
      const first = lab();
      const name = first.db.name;
      const otherDb = new EventStoreDb(name);
      openDbs.push(otherDb);
      const other = createWriteModel({
        db: otherDb,
        domain: labDomain,
        schema: labCommandSchema,
        now: () => '2026-01-01T00:00:02.000Z',
        publish: () => undefined,
      });
      await first.model.dispatch(addProduct('SKU-1', 1));
      expect((await other.dispatch(order('O1', 'SKU-1', 1))).status).toBe('accepted');
      expect(await first.model.dispatch(order('O2', 'SKU-1', 1))).toMatchObject({
        status: 'rejected',
        reason: 'Not enough stock for SKU-1: 0 available, 1 requested',
      });
    });
  });
});

describe('Write model invariants', () => {
  const skus = ['A', 'B'];
  const accounts = ['X', 'Y'];
  const money = fc.integer({ min: 1, max: 5000 }).map((c) => c / 100);
  const command = fc.oneof(
    fc
      .record({ sku: fc.constantFrom(...skus), stock: fc.integer({ min: 0, max: 5 }) })
      .map(({ sku, stock }) => ({ type: 'AddProduct', data: { sku, name: sku, price: 2, stock } })),
    fc
      .record({
        n: fc.integer({ min: 1, max: 6 }),
        sku: fc.constantFrom(...skus),
        q: fc.integer({ min: 1, max: 3 }),
      })
      .map(({ n: i, sku, q }) => ({
        type: 'PlaceOrder',
        data: { orderId: `O${i}`, lines: [{ sku, quantity: q }] },
      })),
    fc
      .record({
        type: fc.constantFrom('PayOrder', 'ShipOrder', 'CancelOrder'),
        n: fc.integer({ min: 1, max: 6 }),
      })
      .map(({ type, n: i }) => ({ type, data: { orderId: `O${i}` } })),
    fc
      .constantFrom(...accounts)
      .map((accountId) => ({ type: 'OpenAccount', data: { accountId, owner: 'o' } })),
    fc
      .record({
        accountId: fc.constantFrom(...accounts),
        amount: money,
        type: fc.constantFrom('Deposit', 'Withdraw'),
      })
      .map(({ type, accountId, amount }) => ({ type, data: { accountId, amount } })),
    fc
      .record({
        from: fc.constantFrom(...accounts),
        to: fc.constantFrom(...accounts),
        amount: money,
      })
      .map((d) => ({ type: 'Transfer', data: { ...d, transferId: 'T' } })),
  );
  // Commands arrive in waves: each wave is sent at once (one group commit), waves one after another.
  const waves = fc.array(fc.array(command, { minLength: 1, maxLength: 5 }), { maxLength: 6 });

  it('the stored events, folded, give the state the write model decided on; stock and balances stay ≥ 0', async () => {
    await fc.assert(
      fc.asyncProperty(waves, async (batches) => {
        const { db, model } = lab();
        for (const wave of batches)
          await Promise.all(wave.map((c) => model.dispatch({ ...c, meta: meta() })));
        const replayed = (await allEvents(db)).reduce(
          (state, event) => labDomain.evolve(state, event as unknown as LabEvent),
          labDomain.initialState(),
        );
        expect(replayed).toEqual(model.currentState().state);
        expect(model.currentState().position).toBe(await headPosition(db));
        for (const product of Object.values(replayed.shop.products))
          expect(available(product)).toBeGreaterThanOrEqual(0);
        for (const account of Object.values(replayed.bank.accounts))
          expect(account.balanceCents).toBeGreaterThanOrEqual(0);
        await db.delete();
      }),
      { numRuns: 1000 },
    );
  }, 120_000);
});

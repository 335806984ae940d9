// Chapter 13's bench on a real (in-memory) IndexedDB: the shop's orders copied as revision 1 wrote
// them, revision 2's orders with a currency beside them, and Sales by currency built from #1 with
// and without the upcaster. The stored events never change.
import { afterEach, describe, expect, it } from 'vitest';
import { storyLog } from '../lessons/testing/script';
import { EventStoreDb } from '../eventstore';
import { createVersioningBench, HOME_CURRENCY, upcastOrder, VersioningDb } from './versioning';

const opened: (EventStoreDb | VersioningDb)[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

const NOW = '2026-03-01T10:00:00.000Z';
const MUG_IN_EUROS = [{ sku: 'SKU-1', name: 'Blue mug', quantity: 2, unitPrice: 17.5 }];

/** The shop's log as chapter 13 starts (its story), recorded at `recordedAt`. */
const shopLog = async (recordedAt = NOW) => {
  const shop = new EventStoreDb(`test-${crypto.randomUUID()}`);
  opened.push(shop);
  await shop.events.bulkAdd(
    storyLog('upcasting').map((e) => ({ ...e, meta: { ...e.meta, recordedAt } })),
  );
  return shop;
};

const setUp = async () => {
  const shop = await shopLog();
  const db = new VersioningDb(`test-versioning-${crypto.randomUUID()}`);
  opened.push(db);
  const bench = createVersioningBench({ bench: db, now: () => NOW });
  const prepared = await bench.prepare(shop);
  return { shop, db, bench, prepared };
};

/** The story's orders: every OrderPlaced in the shop's log, with its total. */
const storyOrders = () => storyLog('upcasting').filter((e) => e.type === 'OrderPlaced');
const storyTotalCents = () =>
  storyOrders().reduce((sum, e) => sum + Math.round((e.data as { total: number }).total * 100), 0);

describe('The versioning bench', () => {
  it('copies the shop’s orders as revision 1 wrote them, without a currency', async () => {
    const { prepared } = await setUp();
    expect(prepared.shipped).toBe(false);
    expect(prepared.events.map((e) => e.streamId)).toEqual(storyOrders().map((e) => e.streamId));
    expect(prepared.events.every((e) => e.revision === 1 && !('currency' in e.data))).toBe(true);
    expect(prepared.events.map((e) => e.position)).toEqual(prepared.events.map((_, i) => i + 1));
  });

  it('refuses an order with a currency until revision 2 ships', async () => {
    const { bench } = await setUp();
    await expect(bench.place({ lines: MUG_IN_EUROS, currency: 'EUR' })).rejects.toThrow(
      /Revision 2 has not shipped/,
    );
    expect(await bench.log()).toHaveLength(storyOrders().length);
  });

  describe('When Sales by currency is built without the upcaster', () => {
    it('stops at #1, the first revision-1 order, with nothing applied', async () => {
      const { bench } = await setUp();
      await bench.ship();
      await bench.place({ lines: MUG_IN_EUROS, currency: 'EUR' });
      const view = await bench.rebuild({ upcaster: false });
      expect(view.stopped).toEqual({
        position: 1,
        revision: 1,
        reason: 'OrderPlaced at #1 (revision 1): it has no currency',
      });
      expect(view.position).toBe(0);
      expect(view.rows).toEqual([]);
      // Stopped: new orders do not move it on.
      const { view: after } = await bench.place({ lines: MUG_IN_EUROS, currency: 'EUR' });
      expect(after.position).toBe(0);
    });
  });

  describe('When it is built through the upcaster', () => {
    it('reads both revisions, old orders in the home currency, and follows new orders', async () => {
      const { bench } = await setUp();
      await bench.ship();
      const placed = await bench.place({ lines: MUG_IN_EUROS, currency: 'EUR' });
      expect(placed.orderId).toBe(`ORD-${String(storyOrders().length + 1)}`);
      const view = await bench.rebuild({ upcaster: true });
      const head = storyOrders().length + 1;
      expect(view).toMatchObject({ position: head, head, stopped: null, upcaster: true });
      expect(
        Object.fromEntries(view.rows.map((r) => [r.currency, [r.orders, r.totalCents]])),
      ).toEqual({
        [HOME_CURRENCY]: [storyOrders().length, storyTotalCents()],
        EUR: [1, 3500],
      });
      const next = await bench.place({ lines: MUG_IN_EUROS, currency: 'EUR' });
      expect(next.view.position).toBe(head + 1);
      expect(next.view.rows.find((r) => r.currency === 'EUR')?.orders).toBe(2);
      // The log still holds revision 1 as it was written: the upcaster changed what was read.
      const [first] = await bench.log();
      expect(first?.revision).toBe(1);
      expect(first && 'currency' in first.data).toBe(false);
      expect(first && upcastOrder(first)).toEqual({ ...first?.data, currency: HOME_CURRENCY });
    });
  });

  it('keeps its log across a reload of the same shop log, and starts again from a new one', async () => {
    const { shop, db, bench } = await setUp();
    await bench.ship();
    await bench.place({ lines: MUG_IN_EUROS, currency: 'EUR' });
    const again = createVersioningBench({ bench: db, now: () => NOW });
    expect((await again.prepare(shop)).events).toHaveLength(storyOrders().length + 1);
    // The chapter was set up again: its log was written anew.
    const fresh = await shopLog('2026-03-02T09:00:00.000Z');
    const started = await again.prepare(fresh);
    expect(started).toMatchObject({ shipped: false });
    expect(started.events).toHaveLength(storyOrders().length);
    expect((await again.view()).upcaster).toBeNull();
  });
});

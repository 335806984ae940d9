// Two write models (two tabs) on one event store, racing: 1,000 appends between them. Whatever
// the interleaving, no acknowledged event is lost, none is stored twice, positions and stream
// versions have no gaps, and of writers with the same expected version exactly one wins.
import { afterEach, describe, expect, it } from 'vitest';
import { shopCommandSchema, type ShopCommand } from '../domain/shop/commands';
import { shopDomain } from '../domain/shop/shop.decider';
import { EventStoreDb, readAll } from '../eventstore';
import { auditLog } from './audit';
import type { CommandOutcome } from '../bus/protocol';
import { createWriteModel } from './writeModel';

const openDbs: EventStoreDb[] = [];
afterEach(async () => {
  const names = new Set(openDbs.map((db) => db.name));
  for (const db of openDbs.splice(0)) db.close();
  for (const name of names) await new EventStoreDb(name).delete();
});

const tab = (name: string) => {
  const db = new EventStoreDb(name);
  openDbs.push(db);
  return createWriteModel({
    db,
    domain: shopDomain,
    schema: shopCommandSchema,
    now: () => '2026-01-01T10:00:00.000Z',
    publish: () => undefined,
  });
};

const meta = (commandId: string, expectedVersions?: Record<string, number>) => ({
  commandId,
  issuedAt: '2026-01-01T10:00:00.000Z',
  ...(expectedVersions ? { expectedVersions } : {}),
});

const order = (id: string, expectedVersions?: Record<string, number>): ShopCommand => ({
  type: 'PlaceOrder',
  data: { orderId: id, lines: [{ sku: 'SKU-1', quantity: 1 }] },
  meta: meta(`cmd-${id}`, expectedVersions),
});

/** Lost, duplicated, gapped and phantom events: what the log holds against what was acknowledged. */
const anomalies = async (db: EventStoreDb, outcomes: readonly CommandOutcome[]) =>
  auditLog(await readAll(db, { limit: 100_000 }), outcomes);

const setUp = async (stock: number) => {
  const name = `race-${crypto.randomUUID()}`;
  const a = tab(name);
  const b = tab(name);
  const added = await a.dispatch({
    type: 'AddProduct',
    data: { sku: 'SKU-1', name: 'Mug', price: 2, stock },
    meta: meta('add'),
  });
  expect(added.status).toBe('accepted');
  const [db] = openDbs;
  if (!db) throw new Error('no store');
  return { a, b, db };
};

describe('Two write models racing on one store', () => {
  it('1,000 orders for 600 units, split between the two: 600 accepted, none lost, doubled or gapped', async () => {
    const { a, b, db } = await setUp(600);
    const outcomes = await Promise.all(
      Array.from({ length: 1_000 }, (_, i) =>
        (i % 2 === 0 ? a : b).dispatch(order(`ORD-${String(i)}`)),
      ),
    );
    const accepted = outcomes.filter((o) => o.status === 'accepted').length;
    expect(accepted).toBe(600);
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(400);
    expect(await anomalies(db, outcomes)).toEqual({
      lost: 0,
      duplicated: 0,
      gapped: 0,
      phantom: 0,
      events: 1 + 2 * 600,
    });
  });

  it('1,000 writers with the same expected version: exactly one wins, the rest append nothing', async () => {
    const { a, b, db } = await setUp(10_000);
    const read = { 'product-SKU-1': 1 };
    const outcomes = await Promise.all(
      Array.from({ length: 1_000 }, (_, i) =>
        (i % 2 === 0 ? a : b).dispatch(order(`ORD-${String(i)}`, read)),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'accepted')).toHaveLength(1);
    const refusals = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
    expect(refusals).toHaveLength(999);
    for (const reason of refusals) expect(reason).toMatch(/changed since it was read/);
    expect(await anomalies(db, outcomes)).toEqual({
      lost: 0,
      duplicated: 0,
      gapped: 0,
      phantom: 0,
      events: 3,
    });
  });

  it('500 rounds of two writers with the same expected version: one winner per round', async () => {
    const { a, b, db } = await setUp(10_000);
    const all: CommandOutcome[] = [];
    for (let round = 0; round < 500; round += 1) {
      const read = { 'product-SKU-1': 1 + round };
      const pair = await Promise.all([
        a.dispatch(order(`A-${String(round)}`, read)),
        b.dispatch(order(`B-${String(round)}`, read)),
      ]);
      expect(pair.filter((o) => o.status === 'accepted')).toHaveLength(1);
      all.push(...pair);
    }
    expect(await anomalies(db, all)).toEqual({
      lost: 0,
      duplicated: 0,
      gapped: 0,
      phantom: 0,
      events: 1 + 2 * 500,
    });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { labCommandSchema, labDomain, type LabCommand } from '../domain/lab';
import { EventStoreDb } from '../eventstore';
import { createTimeTravel } from './timeTravel';
import { createWriteModel } from './writeModel';

const dbs: EventStoreDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

let n = 0;
const send = (model: ReturnType<typeof createWriteModel>, command: Omit<LabCommand, 'meta'>) =>
  model.dispatch({
    ...command,
    meta: { commandId: `c${(n += 1)}`, issuedAt: '2026-01-01T10:00:00.000Z' },
  });

const shop = async () => {
  const db = new EventStoreDb(`tt-${crypto.randomUUID()}`);
  dbs.push(db);
  const model = createWriteModel({
    db,
    domain: labDomain,
    schema: labCommandSchema,
    now: () => '2026-01-01T10:00:00.000Z',
    publish: () => undefined,
    trace: () => undefined,
  });
  await send(model, {
    type: 'AddProduct',
    data: { sku: 'SKU-1', name: 'Mug', price: 2.5, stock: 5 },
  });
  await send(model, {
    type: 'PlaceOrder',
    data: { orderId: 'O1', lines: [{ sku: 'SKU-1', quantity: 2 }] },
  });
  return { db, model };
};

describe('Time travel', () => {
  it('shows every view and the chosen stream as of a past position', async () => {
    const { db } = await shop();
    const travel = createTimeTravel(db);
    const first = await travel.at(1, 'product-SKU-1');
    expect(first.event?.type).toBe('ProductAdded');
    expect(first.views['Stock levels']?.['SKU-1']).toMatchObject({ available: 5 });
    expect(first.views['Order status']).toEqual({});
    expect(first.stream).toMatchObject({ version: 1 });
    expect(first.stream?.state.shop.products['SKU-1']).toMatchObject({ onHand: 5, reserved: 0 });

    const third = await travel.at(3, 'product-SKU-1');
    expect(third.views['Stock levels']?.['SKU-1']).toMatchObject({ available: 3 });
    expect(third.stream?.state.shop.products['SKU-1']).toMatchObject({ reserved: 2 });
  });

  it('says what the event at that position changed in each view', async () => {
    const { db } = await shop();
    const moment = await createTimeTravel(db).at(2, null);
    expect(moment.event?.type).toBe('OrderPlaced');
    expect(moment.diff['Order status']).toEqual([
      { key: 'O1', before: null, after: expect.objectContaining({ status: 'placed' }) as unknown },
    ]);
    expect(moment.diff['Stock levels']).toEqual([]);
  });

  it('keeps up with a growing log and clamps a position beyond the head', async () => {
    const { db, model } = await shop();
    const travel = createTimeTravel(db);
    expect((await travel.at(99, null)).position).toBe(3);
    await send(model, { type: 'Restock', data: { sku: 'SKU-1', quantity: 4 } });
    const latest = await travel.at(99, null);
    expect(latest.position).toBe(4);
    expect(latest.views['Stock levels']?.['SKU-1']).toMatchObject({ onHand: 9 });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { labCommandSchema, labDomain, type LabCommand } from '../domain/lab';
import { clearLog, EventStoreDb, removeCommands, writeImported } from '../eventstore';
import { createTimeTravel } from './timeTravel';
import { createWriteModel } from '../writemodel/writeModel';

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

  // The same positions can hold other events after a rewrite: the copy it kept must not be used.
  it('reads the new log after a reset, even where the new log is as long or longer', async () => {
    const { db, model } = await shop();
    const travel = createTimeTravel(db);
    expect((await travel.at(3, null)).event?.type).toBe('StockReserved');
    await clearLog(db);
    await send(model, {
      type: 'AddProduct',
      data: { sku: 'SKU-9', name: 'Bowl', price: 4, stock: 1000 },
    });
    for (const quantity of [1, 2, 3])
      await send(model, { type: 'Restock', data: { sku: 'SKU-9', quantity } });
    const moment = await travel.at(3, null);
    expect(moment.event).toMatchObject({ type: 'ProductRestocked', streamId: 'product-SKU-9' });
    expect(moment.views['Stock levels']).toEqual({
      'SKU-9': expect.objectContaining({ onHand: 1003 }) as unknown,
    });
  });

  it('reads the new log after a step back takes events away and others take their place', async () => {
    const { db, model } = await shop();
    const travel = createTimeTravel(db);
    expect((await travel.at(3, null)).event?.type).toBe('StockReserved');
    await removeCommands(db, [`c${n}`]); // the order: positions 2 and 3
    await send(model, { type: 'Restock', data: { sku: 'SKU-1', quantity: 1 } });
    await send(model, { type: 'Restock', data: { sku: 'SKU-1', quantity: 2 } });
    const moment = await travel.at(3, null);
    expect(moment.event?.type).toBe('ProductRestocked');
    expect(moment.views['Order status']).toEqual({});
    expect(moment.views['Stock levels']?.['SKU-1']).toMatchObject({ onHand: 8 });
  });

  it('reads the new log after an import takes the place of the old one', async () => {
    const { db } = await shop();
    const travel = createTimeTravel(db);
    const old = await travel.at(3, null);
    const other = await shop();
    await removeCommands(other.db, [`c${n}`]);
    await send(other.model, { type: 'Restock', data: { sku: 'SKU-1', quantity: 7 } });
    await send(other.model, { type: 'Restock', data: { sku: 'SKU-1', quantity: 1 } });
    const file = await other.db.events.toArray();
    await writeImported(db, file, 'replace');
    const moment = await travel.at(3, null);
    expect(moment.event?.type).not.toBe(old.event?.type);
    expect(moment.views['Stock levels']?.['SKU-1']).toMatchObject({ onHand: 13 });
  });
});

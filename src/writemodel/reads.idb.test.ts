// What the write side answers from the log alone, on a real (in-memory) IndexedDB.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { labCommandSchema, labDomain } from '../domain/lab';
import { importBase, readAccount } from './reads';
import { closeAllDbs, ISSUED_AT, NOW, shop } from './testing/writeModel';
import { createWriteModel } from './writeModel';

afterEach(closeAllDbs);

const meta = (commandId: string) => ({ commandId, issuedAt: ISSUED_AT });

describe('The write side, read from the log', () => {
  it('folds an account from its own stream, with its version and the log position it is as of', async () => {
    const { db } = shop();
    const model = createWriteModel({
      db,
      domain: labDomain,
      schema: labCommandSchema,
      now: () => NOW,
      publish: () => undefined,
    });
    for (const command of [
      { type: 'OpenAccount', data: { accountId: 'A', owner: 'Ada' }, meta: meta('c1') },
      { type: 'OpenAccount', data: { accountId: 'B', owner: 'Bob' }, meta: meta('c2') },
      { type: 'Deposit', data: { accountId: 'A', amount: 25 }, meta: meta('c3') },
    ])
      expect((await model.dispatch(command)).status).toBe('accepted');

    await expect(readAccount(db, 'A')).resolves.toEqual({
      balance: 25,
      version: 2,
      asOfPosition: 3,
    });
    await expect(readAccount(db, 'nobody')).resolves.toEqual({
      balance: null,
      version: 0,
      asOfPosition: 3,
    });
  });

  it('puts an appended import on top of the log as it is, and a replacing one on nothing', async () => {
    const { db, given } = shop();
    await given({
      type: 'AddProduct',
      data: { sku: 'SKU-1', name: 'Mug', price: 4, stock: 5 },
      meta: meta('c1'),
    });
    expect(await importBase(db, 'replace')).toBeUndefined();
    const base = await importBase(db, 'append');
    expect(base?.versions).toEqual(new Map([['product-SKU-1', 1]]));
    expect(base?.state).not.toEqual(labDomain.initialState());
  });
});

// A real upgrade of the event store from version 1 (events and command records) to version 2
// (adds the inline view) while a tab of the old version holds it open: the old connection lets
// go and says so, the upgrade does not stall, and every stored event is carried over unchanged.
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventStoreDb, readAll } from '../eventstore';
import { event } from '../lessons/testing';
import { letGoOnUpgrade } from './upgrade';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** The event store as version 1 of the app declared it. */
const versionOne = (name: string) => {
  const db = new Dexie(name);
  db.version(1).stores({
    events: 'position, &[streamId+version], streamId, type',
    commands: 'commandId',
  });
  return db;
};

describe('Upgrading the event store while an old tab holds it open', () => {
  it('the old tab lets go and is told, the upgrade goes through and nothing stored is lost', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    names.push(name);
    const told = vi.fn();
    const old = letGoOnUpgrade(versionOne(name), told);
    const stored = [
      event(1, 'ProductAdded', 'product-SKU-1'),
      event(2, 'OrderPlaced', 'order-ORD-1'),
      event(3, 'StockReserved', 'product-SKU-1', 2),
    ];
    await old.table('events').bulkAdd(stored);
    await old.table('commands').add({
      commandId: 'c2',
      type: 'PlaceOrder',
      recordedAt: '2026-01-01T00:00:00.000Z',
      outcome: 'accepted',
      positions: [2, 3],
    });
    expect(old.isOpen()).toBe(true);

    const upgraded = new EventStoreDb(name);
    await upgraded.open(); // would wait forever if the old tab held on

    expect(told).toHaveBeenCalledTimes(1);
    expect(old.isOpen()).toBe(false);
    expect(upgraded.verno).toBe(2);
    expect(await readAll(upgraded, { limit: 100 })).toEqual(stored);
    expect(await upgraded.commands.get('c2')).toMatchObject({ positions: [2, 3] });
    expect(await upgraded.inline.count()).toBe(0);
    // The old tab's next use fails loudly instead of writing to a store it no longer understands.
    await expect(old.table('events').count()).rejects.toThrow();
    upgraded.close();
  });
});

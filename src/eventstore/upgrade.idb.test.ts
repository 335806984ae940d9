// Real upgrades of the event store while a tab of the old version holds it open: the old connection
// lets go and says so, the upgrade does not stall, and every stored event is carried over. Version 3
// migrates the events themselves: each schema version 1 event is given its command's type.
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StoredEvent } from '../domain/types';
import { EventStoreDb, readAll } from '.';
import { UNKNOWN_COMMAND } from './upcast';
import { letGoOnUpgrade } from './upgrade';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** The event store as versions 1 and 2 of the app declared it (2 added the inline view). */
const olderStore = (name: string, version: 1 | 2) => {
  const db = new Dexie(name);
  db.version(1).stores({
    events: 'position, &[streamId+version], streamId, type',
    commands: 'commandId',
  });
  if (version === 2) db.version(2).stores({ inline: 'key' });
  return db;
};

/** An event as schema version 1 stored it: no commandType in its metadata. */
const versionOneEvent = (position: number, type: string, streamId: string, commandId: string) => ({
  type,
  data: { position },
  position,
  streamId,
  version: position === 3 ? 2 : 1,
  meta: {
    commandId,
    correlationId: commandId,
    causationId: commandId,
    recordedAt: '2026-01-01T00:00:00.000Z',
    schemaVersion: 1,
  },
});

const STORED = [
  versionOneEvent(1, 'ProductAdded', 'product-SKU-1', 'c1'),
  versionOneEvent(2, 'OrderPlaced', 'order-ORD-1', 'c2'),
  versionOneEvent(3, 'StockReserved', 'product-SKU-1', 'c2'),
  // An event whose command record is gone (an early import kept none): its type is not known.
  versionOneEvent(4, 'ProductAdded', 'product-SKU-2', 'c-lost'),
];

const RECORDS = [
  { commandId: 'c1', type: 'AddProduct', recordedAt: '', outcome: 'accepted', positions: [1] },
  { commandId: 'c2', type: 'PlaceOrder', recordedAt: '', outcome: 'accepted', positions: [2, 3] },
];

const storeOf = async (version: 1 | 2) => {
  const name = `upgrade-${crypto.randomUUID()}`;
  names.push(name);
  const told = vi.fn();
  const old = letGoOnUpgrade(olderStore(name, version), told);
  await old.table('events').bulkAdd(STORED);
  await old.table('commands').bulkAdd(RECORDS);
  expect(old.isOpen()).toBe(true);
  return { name, old, told };
};

const expectMigrated = (events: readonly StoredEvent[]) => {
  expect(events.map((e) => [e.position, e.meta.schemaVersion, e.meta.commandType])).toEqual([
    [1, 2, 'AddProduct'],
    [2, 2, 'PlaceOrder'],
    [3, 2, 'PlaceOrder'],
    [4, 2, UNKNOWN_COMMAND],
  ]);
  // Nothing else about an event changes: its fact, place and the rest of its metadata stand.
  const withoutCommandType = events.map(({ meta, ...rest }) => {
    const older: Partial<typeof meta> = { ...meta };
    delete older.commandType;
    return { ...rest, meta: older };
  });
  expect(withoutCommandType).toEqual(
    STORED.map((e) => ({ ...e, meta: { ...e.meta, schemaVersion: 2 } })),
  );
};

describe('Upgrading the event store while an old tab holds it open', () => {
  for (const version of [1, 2] as const)
    it(`from version ${String(version)}: the old tab lets go and is told, and every stored event is migrated, none lost`, async () => {
      const { name, old, told } = await storeOf(version);

      const upgraded = new EventStoreDb(name);
      await upgraded.open(); // would wait forever if the old tab held on

      expect(told).toHaveBeenCalledTimes(1);
      expect(old.isOpen()).toBe(false);
      expect(upgraded.verno).toBe(4);
      // Read raw, not through the read path's upcast: the store itself now holds version 2 events.
      expectMigrated(await upgraded.events.orderBy('position').toArray());
      expectMigrated(await readAll(upgraded, { limit: 100 }));
      expect(await upgraded.commands.get('c2')).toMatchObject({ positions: [2, 3] });
      expect(await upgraded.inline.count()).toBe(0);
      // The old tab's next use fails loudly instead of writing to a store it no longer understands.
      await expect(old.table('events').count()).rejects.toThrow();
      upgraded.close();
    });

  it('is all or nothing: a migration that fails leaves the old version and every event as they were', async () => {
    const { name, old } = await storeOf(2);
    old.close();
    // A version 3 whose migration fails half way (after changing the first event).
    const failing = olderStore(name, 2);
    failing.version(3).upgrade(async (tx) => {
      await tx.table('events').update(1, { 'meta.schemaVersion': 2 });
      throw new Error('disk gone');
    });
    await expect(failing.open()).rejects.toThrow(/disk gone/);
    failing.close();

    const reopened = olderStore(name, 2);
    await reopened.open();
    expect(reopened.verno).toBe(2);
    expect(await reopened.table('events').orderBy('position').toArray()).toEqual(STORED);
    reopened.close();
  });
});

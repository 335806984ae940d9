// Real upgrades of the event store while a tab of the old version holds it open: the old connection
// lets go and says so, the upgrade does not stall, and every stored event is carried over. Version 3
// migrates the events themselves: each schema version 1 event is given its command's type. Version
// 5 turns the command records into marks on each command's first event, and drops them.
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StoredEvent } from '../domain/types';
import { EventStoreDb, readAll, type EventRow } from '.';
import { appendedCommands } from './testing/eventStoreFixture';
import { UNKNOWN_COMMAND } from './upcast';
import { letGoOnUpgrade } from './upgrade';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** The event store as versions 1, 2 and 4 of the app declared it (2 added the inline view, 4 the marks). */
const olderStore = (name: string, version: 1 | 2 | 4) => {
  const db = new Dexie(name);
  db.version(1).stores({
    events: 'position, &[streamId+version], streamId, type',
    commands: 'commandId',
  });
  if (version >= 2) db.version(2).stores({ inline: 'key' });
  if (version === 4) db.version(4).stores({ marks: 'key' });
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
      expect(told).toHaveBeenCalledWith(false);
      expect(old.isOpen()).toBe(false);
      expect(upgraded.verno).toBe(5);
      // Read raw, not through the read path's upcast: the store itself now holds version 2 events.
      const raw = await upgraded.events.orderBy('position').toArray();
      expectMigrated(
        raw.map((row) => {
          const event = { ...row };
          delete event.command; // the mark of version 5, checked below
          return event;
        }),
      );
      expectMigrated(await readAll(upgraded, { limit: 100 }));
      // Each recorded command marks its first event; the one without a record stays unmarked.
      expect(raw.map((row) => row.command)).toEqual(['c1', 'c2', undefined, undefined]);
      expect(await appendedCommands(upgraded)).toEqual(
        new Map([
          ['c1', [1]],
          ['c2', [2, 3]],
        ]),
      );
      expect(upgraded.tables.map((table) => table.name)).not.toContain('commands');
      expect(await upgraded.inline.count()).toBe(0);
      // The old tab's next use fails loudly instead of writing to a store it no longer understands.
      await expect(old.table('events').count()).rejects.toThrow();
      upgraded.close();
    });

  it('from version 4: accepted commands mark their first events, refusals leave nothing, and a retry is recognised', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    names.push(name);
    const old = olderStore(name, 4);
    const current = STORED.slice(0, 3).map((e) => ({
      ...e,
      meta: { ...e.meta, schemaVersion: 2, commandType: 'Test' },
    }));
    await old.table('events').bulkAdd(current);
    await old
      .table('commands')
      .bulkAdd([
        ...RECORDS,
        { commandId: 'c-no', type: 'PlaceOrder', recordedAt: '', outcome: 'rejected', reason: 'x' },
      ]);
    old.close();

    const upgraded = new EventStoreDb(name);
    await upgraded.open();

    expect(upgraded.verno).toBe(5);
    expect(await readAll(upgraded)).toEqual(current);
    expect(await appendedCommands(upgraded)).toEqual(
      new Map([
        ['c1', [1]],
        ['c2', [2, 3]],
      ]),
    );
    // The unique index holds from now on: the same command cannot be marked twice.
    await expect(
      upgraded.events.add({ ...current[0], position: 4, version: 9, command: 'c2' } as EventRow),
    ).rejects.toMatchObject({ name: 'ConstraintError' });
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

  it('a database deleted under a tab (a fork deleted in another): it lets go and is told so', async () => {
    const name = `deleted-${crypto.randomUUID()}`;
    const told = vi.fn();
    const held = letGoOnUpgrade(new EventStoreDb(name), told);
    await held.open();

    await Dexie.delete(name); // would wait forever if the tab held on

    expect(told).toHaveBeenCalledWith(true);
    expect(held.isOpen()).toBe(false);
  });
});

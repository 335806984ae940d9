// Storing an imported log against a real (in-memory) IndexedDB: Replace puts the file in place of the
// log, Append puts it after the head with new positions, and either way the file is stored whole or
// not at all, with command records so a retry of an imported command is recognised.
import { afterEach, describe, expect, it } from 'vitest';
import { labDomain, type LabEvent } from '../domain/lab';
import { storedFacts } from '../domain/testing/stored';
import type { StoredEvent } from '../domain/types';
import { append, EventStoreDb, headPosition, readAll, writeImported } from '.';
import { appendedCommands } from './testing/eventStoreFixture';

const RECORDED_AT = '2026-02-01T10:00:00.000Z';

const openDbs: EventStoreDb[] = [];

/** A database of its own for each test. */
const open = (name = `test-${crypto.randomUUID()}`): EventStoreDb => {
  const db = new EventStoreDb(name);
  openDbs.push(db);
  return db;
};

afterEach(async () => {
  const names = new Set(openDbs.map((db) => db.name));
  for (const db of openDbs.splice(0)) db.close();
  for (const name of names) await new EventStoreDb(name).delete();
});

type Fact = { commandId: string; event: LabEvent };

/** Events as a checked file holds them: positions 1, 2, …; each stream's versions 1, 2, … */
const stored = (facts: readonly Fact[]): StoredEvent[] =>
  storedFacts(facts, labDomain.streamOf, () => RECORDED_AT);

/** A file of 4 events on 3 streams; imp-2 wrote two of them (positions 2 and 3 in the file). */
const FILE = stored([
  {
    commandId: 'imp-1',
    event: { type: 'ProductAdded', data: { sku: 'SKU-1', name: 'Mug', price: 12.5, stock: 5 } },
  },
  {
    commandId: 'imp-2',
    event: {
      type: 'OrderPlaced',
      data: {
        orderId: 'ORD-1',
        lines: [{ sku: 'SKU-1', name: 'Mug', quantity: 2, unitPrice: 12.5 }],
        total: 25,
        placedAt: RECORDED_AT,
      },
    },
  },
  {
    commandId: 'imp-2',
    event: { type: 'StockReserved', data: { sku: 'SKU-1', orderId: 'ORD-1', quantity: 2 } },
  },
  {
    commandId: 'imp-3',
    event: {
      type: 'AccountOpened',
      data: { accountId: 'ACC-1', owner: 'Ada', openedAt: RECORDED_AT },
    },
  },
]);

const eventAt = (index: number): StoredEvent => {
  const event = FILE[index];
  if (!event) throw new Error(`The file has no event ${String(index)}`);
  return event;
};

/** A log of 3 events on other streams (product-OLD, account-OLD), by commands old-1..old-3. */
const givenThreeEvents = async (db: EventStoreDb) => {
  await append(
    db,
    [
      {
        streamId: 'product-OLD',
        expectedVersion: 'no-stream',
        events: [{ type: 'ProductAdded', data: { sku: 'OLD', name: 'Old', price: 1, stock: 1 } }],
      },
    ],
    { commandId: 'old-1', commandType: 'AddProduct', recordedAt: RECORDED_AT },
  );
  await append(
    db,
    [
      {
        streamId: 'account-OLD',
        expectedVersion: 'no-stream',
        events: [
          { type: 'AccountOpened', data: { accountId: 'OLD', owner: 'Bo', openedAt: RECORDED_AT } },
        ],
      },
    ],
    { commandId: 'old-2', commandType: 'OpenAccount', recordedAt: RECORDED_AT },
  );
  await append(
    db,
    [
      {
        streamId: 'account-OLD',
        expectedVersion: 1,
        events: [{ type: 'MoneyDeposited', data: { accountId: 'OLD', amount: 10 } }],
      },
    ],
    { commandId: 'old-3', commandType: 'Deposit', recordedAt: RECORDED_AT },
  );
  const before = await readAll(db);
  expect(before.map((e) => e.position)).toEqual([1, 2, 3]);
  return before;
};

const rejectionOf = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject, but it resolved');
};

describe('Importing a log', () => {
  describe('When a file replaces an empty log', () => {
    it('stores exactly the file’s events at positions 1..n', async () => {
      const db = open();
      expect(await writeImported(db, FILE, 'replace')).toEqual({ from: 1, head: 4 });
      expect(await readAll(db)).toEqual(FILE);
      expect(await headPosition(db)).toBe(4);
    });

    it('marks each command, so a retry finds the positions of its events', async () => {
      const db = open();
      await writeImported(db, FILE, 'replace');
      expect(await appendedCommands(db)).toEqual(
        new Map([
          ['imp-1', [1]],
          ['imp-2', [2, 3]],
          ['imp-3', [4]],
        ]),
      );
    });
  });

  describe('When a file is appended after a log of 3 events', () => {
    it('stores its events at positions 4.. and keeps their streams and versions', async () => {
      const db = open();
      const before = await givenThreeEvents(db);
      expect(await writeImported(db, FILE, 'append')).toEqual({ from: 4, head: 7 });
      expect(await readAll(db)).toEqual([
        ...before,
        ...FILE.map((event, i) => ({ ...event, position: 4 + i })),
      ]);
    });

    it('marks the imported commands at their new positions, beside the old ones', async () => {
      const db = open();
      await givenThreeEvents(db);
      await writeImported(db, FILE, 'append');
      expect(await appendedCommands(db)).toEqual(
        new Map([
          ['old-1', [1]],
          ['old-2', [2]],
          ['old-3', [3]],
          ['imp-1', [4]],
          ['imp-2', [5, 6]],
          ['imp-3', [7]],
        ]),
      );
    });
  });

  describe('When the import fails', () => {
    it('refuses a command id already recorded and leaves the log exactly as it was', async () => {
      const db = open();
      const before = await givenThreeEvents(db);
      const commandsBefore = await appendedCommands(db);
      const clash = FILE.map((event, i) =>
        i === FILE.length - 1 ? { ...event, meta: { ...event.meta, commandId: 'old-2' } } : event,
      );

      const error = await rejectionOf(writeImported(db, clash, 'append'));

      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/already in your log: choose Replace instead/);
      expect(await readAll(db)).toEqual(before);
      expect(await appendedCommands(db)).toEqual(commandsBefore);
      expect(await headPosition(db)).toBe(3);
    });

    it('keeps the old log when a Replace fails after clearing it (all or nothing)', async () => {
      const db = open();
      const before = await givenThreeEvents(db);
      const commandsBefore = await appendedCommands(db);
      await db.inline.put({ key: 'row', value: 1 });
      // Two events claim version 1 of product-SKU-1: the database refuses the second one.
      const first = eventAt(0);
      const twice = [
        ...FILE,
        { ...first, position: 5, meta: { ...first.meta, commandId: 'imp-4' } },
      ];

      await expect(writeImported(db, twice, 'replace')).rejects.toMatchObject({
        name: 'BulkError',
      });

      expect(await readAll(db)).toEqual(before);
      expect(await appendedCommands(db)).toEqual(commandsBefore);
      expect(await db.inline.get('row')).toEqual({ key: 'row', value: 1 });
    });
  });

  describe('When a file replaces a log that holds events', () => {
    it('removes everything that was there before', async () => {
      const db = open();
      await givenThreeEvents(db);
      await db.inline.put({ key: 'row', value: 1 });

      expect(await writeImported(db, FILE, 'replace')).toEqual({ from: 1, head: 4 });

      expect(await readAll(db)).toEqual(FILE);
      expect(await db.events.where('streamId').equals('account-OLD').count()).toBe(0);
      expect([...(await appendedCommands(db)).keys()]).toEqual(['imp-1', 'imp-2', 'imp-3']);
      expect(await db.inline.count()).toBe(0);
    });

    it('accepts the command ids of the log it replaces (importing your own export again)', async () => {
      const db = open();
      const before = await givenThreeEvents(db);
      expect(await writeImported(db, before, 'replace')).toEqual({ from: 1, head: 3 });
      expect(await readAll(db)).toEqual(before);
      expect((await appendedCommands(db)).get('old-2')).toEqual([2]);
    });
  });
});

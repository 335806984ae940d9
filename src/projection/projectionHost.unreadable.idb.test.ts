// The Stock levels projection host meeting a stored record it cannot read (a row of the wrong shape,
// a checkpoint that is not a position, a panel record that is not one): it mends the view, rebuilding
// it from the log, sends the rebuilt view, and tells the learner why with a notice.
import { afterEach, describe, expect, it } from 'vitest';
import type { TraceFrame } from '../bus/protocol';
import { rebuildView } from '../domain/projection';
import { SCREENS } from '../domain/screens';
import type { StockLevelRow } from '../domain/shop/stockLevels.projection';
import { projections } from '../domain/views';
import { readAll, type EventStoreDb } from '../eventstore';
import {
  readAllRows,
  readCheckpoint,
  readScreen,
  ReadStoreDb,
  type ScreenRecord,
} from '../readstore/readStoreDb';
import { rowCheckOf } from '../readstore/rowChecks';
import { createProjectionHost } from './projectionHost';
import {
  addProducts,
  closeAllStores,
  freshStores,
  kindAndCheckpoint,
  placeOrder,
  track,
} from './testing/host';

afterEach(closeAllStores);

const VIEW = 'Stock levels';

/** A read store for Stock levels as its worker opens it: rows checked against the view's shape. */
const stockStore = (name: string) => track(new ReadStoreDb(name, rowCheckOf(VIEW)));

/** A Stock levels host as the projection worker builds it; `frames` holds every frame it sends. */
const stockHostOn = (eventDb: EventStoreDb, readDb: ReadStoreDb) => {
  const frames: TraceFrame[] = [];
  const host = createProjectionHost({
    projection: projections[VIEW],
    readDb,
    eventDb,
    trace: (frame) => frames.push(frame),
    screen: SCREENS[VIEW],
  });
  return { host, frames };
};

const noticesIn = (frames: readonly TraceFrame[]) =>
  frames.flatMap((frame) => (frame.kind === 'notice' ? [frame.text] : []));

/** The view as a rebuild from the whole log has it. */
const rebuiltFromLog = async (eventDb: EventStoreDb) =>
  rebuildView(projections[VIEW], await readAll(eventDb, { limit: 10_000 }));

const storedView = async (readDb: ReadStoreDb) =>
  Object.fromEntries(
    (await readAllRows<StockLevelRow>(readDb)).map(({ key, value }) => [key, value]),
  );

const stockRow = (sku: string, reserved: number, lastPosition: number): StockLevelRow => ({
  sku,
  name: `Product ${sku}`,
  price: 2,
  onHand: 100,
  reserved,
  available: 100 - reserved,
  lastPosition,
});

/** SKU-1 and SKU-2 added (1, 2); ORD-1 reserves 1 × SKU-1 (3, 4); ORD-2 reserves 3 × SKU-2 (5, 6). */
const SHOP_AT_6 = { 'SKU-1': stockRow('SKU-1', 1, 4), 'SKU-2': stockRow('SKU-2', 3, 6) };

/** A log of six events and the Stock levels view built from it by a started host. */
const builtView = async () => {
  const { eventDb, readName } = freshStores();
  await addProducts(eventDb, 'SKU-1', 'SKU-2');
  await placeOrder(eventDb, 'ORD-1');
  await placeOrder(eventDb, 'ORD-2', [{ sku: 'SKU-2', quantity: 3 }]);
  const readDb = stockStore(readName);
  const hosted = stockHostOn(eventDb, readDb);
  expect(await hosted.host.start()).toEqual({ checkpoint: 6, head: 6 });
  expect(await storedView(readDb)).toEqual(SHOP_AT_6);
  hosted.frames.length = 0;
  return { eventDb, readDb, readName, ...hosted };
};

/** What a reload does: a new connection to the same read store and a new host on it, started. */
const reloaded = async (eventDb: EventStoreDb, readName: string) => {
  const readDb = stockStore(readName);
  const hosted = stockHostOn(eventDb, readDb);
  const position = await hosted.host.start();
  return { readDb, position, ...hosted };
};

const BAD_ROW = { key: 'SKU-1', value: { ...stockRow('SKU-1', 1, 4), available: 'lots' } };

describe('Projection host (Stock levels), meeting a stored record it cannot read', () => {
  describe('When a reload finds a row of the wrong shape', () => {
    it('rebuilds the view from the log, sends it, and says why once', async () => {
      const before = await builtView();
      await before.readDb.rows.put(BAD_ROW);
      before.readDb.close();

      const after = await reloaded(before.eventDb, before.readName);

      expect(after.position).toEqual({ checkpoint: 6, head: 6 });
      expect(await storedView(after.readDb)).toEqual(SHOP_AT_6);
      expect(await storedView(after.readDb)).toEqual(await rebuiltFromLog(before.eventDb));
      expect(await readCheckpoint(after.readDb)).toBe(6);
      expect(after.frames.map(kindAndCheckpoint)).toEqual([
        ['view-changed', 6],
        ['view-snapshot', 6],
        ['notice', undefined],
      ]);
      expect(after.frames[1]).toEqual({
        kind: 'view-snapshot',
        view: VIEW,
        rows: [
          { key: 'SKU-1', value: SHOP_AT_6['SKU-1'] },
          { key: 'SKU-2', value: SHOP_AT_6['SKU-2'] },
        ],
        total: 2,
        checkpoint: 6,
        head: 6,
      });
      const notices = noticesIn(after.frames);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(
        /^Stock levels: Its row SKU-1 cannot be read \(available: [^)]*received string\)\. The view was rebuilt from the log/,
      );
    });

    it('starts quietly from the mended view on the next reload', async () => {
      const before = await builtView();
      await before.readDb.rows.put(BAD_ROW);
      before.readDb.close();
      const mended = await reloaded(before.eventDb, before.readName);
      expect(noticesIn(mended.frames)).toHaveLength(1);
      mended.readDb.close();

      const again = await reloaded(before.eventDb, before.readName);

      expect(noticesIn(again.frames)).toEqual([]);
      expect(again.frames.map(kindAndCheckpoint)).toEqual([['view-snapshot', 6]]);
    });
  });

  describe('When a reload finds a checkpoint that is not a log position', () => {
    it('rebuilds the view from the log instead of trusting its rows', async () => {
      const before = await builtView();
      // A row that passes the check but is stale: only a rebuild puts it right.
      await before.readDb.rows.put({ key: 'SKU-2', value: stockRow('SKU-2', 0, 2) });
      await before.readDb.checkpoint.put({ id: 'checkpoint', position: 'x' } as unknown as {
        id: 'checkpoint';
        position: number;
      });
      before.readDb.close();

      const after = await reloaded(before.eventDb, before.readName);

      expect(after.position).toEqual({ checkpoint: 6, head: 6 });
      expect(await storedView(after.readDb)).toEqual(SHOP_AT_6);
      expect(await readCheckpoint(after.readDb)).toBe(6);
      expect(noticesIn(after.frames)).toEqual([
        expect.stringMatching(
          /^Stock levels: Its checkpoint cannot be read \("x" is not a log position\)\. The view was rebuilt from the log/,
        ),
      ]);
    });
  });

  describe('When a reload finds a record of the panel’s rows that is not one', () => {
    it('rebuilds the view and stores the panel’s rows again', async () => {
      const before = await builtView();
      await before.readDb.rows.put({ key: 'SKU-2', value: stockRow('SKU-2', 0, 2) });
      await before.readDb.screen.put({
        id: 'screen',
        keys: 'SKU-1',
        total: 2,
      } as unknown as ScreenRecord);
      before.readDb.close();

      const after = await reloaded(before.eventDb, before.readName);

      expect(await storedView(after.readDb)).toEqual(SHOP_AT_6);
      expect(await readScreen(after.readDb)).toEqual({
        id: 'screen',
        keys: ['SKU-1', 'SKU-2'],
        total: 2,
      });
      expect(noticesIn(after.frames)).toEqual([
        expect.stringMatching(
          /^Stock levels: The record of its panel’s rows cannot be read \(keys: not a list of keys\)/,
        ),
      ]);
    });
  });

  describe('When a delivery touches a row of the wrong shape', () => {
    it('mends the view, the delivery included, with nothing to undo', async () => {
      const { eventDb, readDb, host, frames } = await builtView();
      await readDb.rows.put(BAD_ROW);
      const delivery = await placeOrder(eventDb, 'ORD-3');
      expect(delivery.events.map((event) => event.position)).toEqual([7, 8]);

      const result = await host.apply(delivery);

      expect(result).toEqual({ checkpoint: 8, head: 8, undo: null });
      const expected = { 'SKU-1': stockRow('SKU-1', 2, 8), 'SKU-2': SHOP_AT_6['SKU-2'] };
      expect(await storedView(readDb)).toEqual(expected);
      expect(await storedView(readDb)).toEqual(await rebuiltFromLog(eventDb));
      expect(await readCheckpoint(readDb)).toBe(8);
      expect(noticesIn(frames)).toEqual([
        expect.stringMatching(/^Stock levels: Its row SKU-1 cannot be read \(available: /),
      ]);
      expect(frames.filter((frame) => frame.kind === 'view-snapshot')).toEqual([
        expect.objectContaining({
          checkpoint: 8,
          rows: [
            { key: 'SKU-1', value: expected['SKU-1'] },
            { key: 'SKU-2', value: expected['SKU-2'] },
          ],
        }),
      ]);
    });
  });

  describe('When a step back meets a row of the wrong shape', () => {
    it('mends the view from the log and says it was not stepped back', async () => {
      const { eventDb, readDb, host, frames } = await builtView();
      const applied = await host.apply(await placeOrder(eventDb, 'ORD-3'));
      if (!applied.undo) throw new Error('the delivery should be undoable');
      await readDb.rows.put({ key: 'SKU-2', value: { ...SHOP_AT_6['SKU-2'], reserved: null } });
      frames.length = 0;

      expect(await host.undo(applied.undo)).toBe(false);

      // The log still holds ORD-3, so the mended view does too.
      expect(await storedView(readDb)).toEqual({
        'SKU-1': stockRow('SKU-1', 2, 8),
        'SKU-2': SHOP_AT_6['SKU-2'],
      });
      expect(await readCheckpoint(readDb)).toBe(8);
      expect(noticesIn(frames)).toEqual([
        expect.stringMatching(/^Stock levels: Its row SKU-2 cannot be read \(reserved: /),
      ]);
    });
  });

  describe('When catching up meets a row of the wrong shape', () => {
    it('mends the view up to the log’s head', async () => {
      const { eventDb, readDb, host, frames } = await builtView();
      await readDb.rows.put(BAD_ROW);
      await placeOrder(eventDb, 'ORD-3');

      expect(await host.catchUp()).toEqual({ checkpoint: 8, head: 8 });

      expect(await storedView(readDb)).toEqual({
        'SKU-1': stockRow('SKU-1', 2, 8),
        'SKU-2': SHOP_AT_6['SKU-2'],
      });
      expect(noticesIn(frames)).toEqual([
        expect.stringMatching(/^Stock levels: Its row SKU-1 cannot be read/),
      ]);
    });
  });

  describe('When a question reads a row of the wrong shape', () => {
    it('answers with the row rebuilt from the log', async () => {
      const { readDb, host, frames } = await builtView();
      await readDb.rows.put(BAD_ROW);

      expect(await host.ask({ kind: 'key', key: 'SKU-1' })).toEqual({
        data: SHOP_AT_6['SKU-1'],
        asOfPosition: 6,
        headPosition: 6,
        servedBy: VIEW,
      });
      expect(await storedView(readDb)).toEqual(SHOP_AT_6);
      expect(noticesIn(frames)).toEqual([
        expect.stringMatching(/^Stock levels: Its row SKU-1 cannot be read/),
      ]);
    });

    it('answers a question for every row with the rebuilt rows', async () => {
      const { readDb, host, frames } = await builtView();
      await readDb.rows.put({ key: 'SKU-2', value: null });

      const answer = await host.ask({ kind: 'all' });

      expect(answer.data).toEqual([SHOP_AT_6['SKU-1'], SHOP_AT_6['SKU-2']]);
      expect(noticesIn(frames)).toEqual([
        expect.stringMatching(
          /^Stock levels: Its row SKU-2 cannot be read \(Invalid input: expected object, received null\)/,
        ),
      ]);
    });
  });
});

// A view's stored record that the code cannot read (a row not of the view's shape, a checkpoint
// that is not a position): the host empties the view, rebuilds it from the log and says so, once.
import { afterEach, describe, expect, it } from 'vitest';
import type { TraceFrame } from '../bus/protocol';
import { ReadStoreDb, readCheckpoint } from '../readstore/readStoreDb';
import { rowCheckOf } from '../readstore/rowChecks';
import {
  closeAllStores,
  expectStoreConsistent,
  freshStores,
  hostOn,
  placeOrder,
  rebuiltUpTo,
  track,
  type Stores,
} from './testing/host';

afterEach(closeAllStores);

const notices = (frames: readonly TraceFrame[]) =>
  frames.flatMap((frame) => (frame.kind === 'notice' ? [frame.text] : []));

/** A view built from two orders, then a host on a new connection that checks its rows (a reload). */
const builtThenReopened = async (damage: (readDb: ReadStoreDb) => Promise<unknown>) => {
  const stores = freshStores();
  const before = hostOn(stores);
  await before.host.start();
  await before.host.apply(await placeOrder(stores.eventDb, 'ORD-1'));
  await before.host.apply(await placeOrder(stores.eventDb, 'ORD-2'));
  await damage(stores.readDb);
  stores.readDb.close();
  const readDb = track(new ReadStoreDb(stores.readName, rowCheckOf('Order status')));
  const reopened: Stores = { ...stores, readDb };
  return { stores: reopened, ...hostOn(reopened) };
};

const badRow = (readDb: ReadStoreDb) =>
  readDb.rows.put({ key: 'ORD-1', value: { orderId: 'ORD-1', status: 'lost', lines: 3 } });

describe('Projection host (Order status), its store damaged', () => {
  describe('When it starts on a row that is not an Order status row', () => {
    it('rebuilds the view from the log, up to the head, and says which row and why', async () => {
      const { stores, host, frames } = await builtThenReopened(badRow);

      expect(await host.start()).toEqual({ checkpoint: 4, head: 4 });

      expect(await expectStoreConsistent(stores)).toBe(4);
      expect(notices(frames())).toEqual([
        expect.stringMatching(
          /^Order status: Its row ORD-1 cannot be read \(status: .*; lines: .*; and \d+ more fields\)\. The view was rebuilt from the log, which holds all it is made from\.$/,
        ) as unknown,
      ]);
    });
  });

  describe('When its checkpoint is not a log position', () => {
    it('rebuilds the view from the log instead of trusting it', async () => {
      const { stores, host, frames } = await builtThenReopened((readDb) =>
        readDb.checkpoint.put({ id: 'checkpoint', position: 'x' as unknown as number }),
      );

      await host.start();

      expect(await readCheckpoint(stores.readDb)).toBe(4);
      expect(await expectStoreConsistent(stores)).toBe(4);
      expect(notices(frames())).toEqual([
        'Order status: Its checkpoint cannot be read ("x" is not a log position). The view was rebuilt from the log, which holds all it is made from.',
      ]);
    });
  });

  describe('When a delivery touches a row that turned unreadable after the start', () => {
    it('rebuilds the view with the delivered events in it, and offers nothing to undo', async () => {
      const { stores, host, frames } = await builtThenReopened(() => Promise.resolve());
      await host.start();
      await badRow(stores.readDb);
      const shipped = await placeOrder(stores.eventDb, 'ORD-1'); // touches ORD-1 again (#5, #6)

      const result = await host.apply(shipped);

      expect(result).toEqual({ checkpoint: 6, head: 6, undo: null });
      expect(await expectStoreConsistent(stores)).toBe(6);
      expect(notices(frames())).toHaveLength(1);
    });
  });

  describe('When a question reads an unreadable row', () => {
    it('answers from the rebuilt view', async () => {
      const { stores, host, frames } = await builtThenReopened(() => Promise.resolve());
      await host.start();
      await badRow(stores.readDb);

      const answer = await host.ask({ kind: 'key', key: 'ORD-1' });

      expect(answer.data).toEqual((await rebuiltUpTo(stores.eventDb))['ORD-1']);
      expect(notices(frames())).toHaveLength(1);
    });
  });
});

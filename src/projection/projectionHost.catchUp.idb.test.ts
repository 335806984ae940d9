// The Order status projection host started on a log that already has events: it catches up page by
// page, writes rows and checkpoint together, and sends the whole view as one snapshot.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TraceFrame } from '../bus/protocol';
import { orderStatusProjection } from '../domain/shop/orderStatus.projection';
import { readCheckpoint } from '../readstore/readStoreDb';
import { createProjectionHost } from './projectionHost';
import {
  addProducts,
  allRows,
  appendCommand,
  byOrderId,
  closeAllStores,
  expectStoreConsistent,
  freshStores,
  hostOn,
  kindAndCheckpoint,
  placeOrder,
  rebuiltUpTo,
} from './testing/host';

afterEach(closeAllStores);

describe('Projection host (Order status)', () => {
  describe('When started on a log that already has orders', () => {
    it('catches up to the head and sends the whole view as a snapshot', async () => {
      const stores = freshStores();
      await addProducts(stores.eventDb, 'SKU-1', 'SKU-2');
      await placeOrder(stores.eventDb, 'ORD-1');
      await placeOrder(stores.eventDb, 'ORD-2', [
        { sku: 'SKU-1', quantity: 2 },
        { sku: 'SKU-2', quantity: 1 },
      ]);
      const { host, frames } = hostOn(stores);

      await host.start();

      const snapshot = frames().at(-1);
      const expected = await rebuiltUpTo(stores.eventDb);
      expect(snapshot).toEqual({
        kind: 'view-snapshot',
        view: 'Order status',
        rows: [
          { key: 'ORD-1', value: expected['ORD-1'] },
          { key: 'ORD-2', value: expected['ORD-2'] },
        ],
        checkpoint: 7,
        head: 7,
      });
      expect(expected['ORD-2']).toMatchObject({ builtFrom: [5], total: 6 });
      expect(await readCheckpoint(stores.readDb)).toBe(7);
      await expectStoreConsistent(stores);
    });

    it('answers queries with the caught-up view and how fresh it is', async () => {
      const stores = freshStores();
      await placeOrder(stores.eventDb, 'ORD-1');
      await placeOrder(stores.eventDb, 'ORD-2');
      const { host } = hostOn(stores);
      await host.start();

      const answer = await allRows(host);

      expect(byOrderId(answer.data)).toEqual(await rebuiltUpTo(stores.eventDb));
      expect(answer).toMatchObject({ asOfPosition: 4, headPosition: 4, servedBy: 'Order status' });
    });

    it('reads the log page by page when it is longer than one page', async () => {
      const stores = freshStores();
      for (const orderId of ['ORD-1', 'ORD-2', 'ORD-3']) await placeOrder(stores.eventDb, orderId);
      const { host, frames } = hostOn(stores, 4);
      const progress = vi.fn<(done: number, total: number) => void>();

      await host.start(progress);

      expect(progress.mock.calls).toEqual([
        [0, 6],
        [4, 6],
        [6, 6],
      ]);
      // Applied in memory, written once with the checkpoint, then sent whole.
      expect(frames().map(kindAndCheckpoint)).toEqual([
        ['view-changed', 6],
        ['view-snapshot', 6],
      ]);
      expect(byOrderId((await allRows(host)).data)).toEqual(await rebuiltUpTo(stores.eventDb));
      await expectStoreConsistent(stores);
    });

    it('writes its rows and checkpoint every so many events, and reads back rows it let go', async () => {
      const stores = freshStores();
      for (const orderId of ['ORD-1', 'ORD-2', 'ORD-3', 'ORD-1b'])
        await placeOrder(stores.eventDb, orderId);
      await appendCommand(stores.eventDb, [
        {
          streamId: 'order-ORD-1',
          expectedVersion: 'any',
          events: [{ type: 'OrderPaid', data: { orderId: 'ORD-1' } }],
        },
      ]);
      const trace = vi.fn<(frame: TraceFrame) => void>();
      const host = createProjectionHost({
        projection: orderStatusProjection,
        readDb: stores.readDb,
        eventDb: stores.eventDb,
        trace,
        pageSize: 2,
        flushEvents: 4,
        cacheRows: 1,
      });

      await host.start();

      expect(trace.mock.calls.map(([frame]) => kindAndCheckpoint(frame))).toEqual([
        ['view-changed', 4],
        ['view-changed', 8],
        ['view-changed', 9],
        ['view-snapshot', 9],
      ]);
      expect(byOrderId((await allRows(host)).data)).toEqual(await rebuiltUpTo(stores.eventDb));
      expect(byOrderId((await allRows(host)).data)['ORD-1']?.status).toBe('paid');
      await expectStoreConsistent(stores);
    });

    it('sends an empty snapshot at checkpoint 0 when the log is empty', async () => {
      const stores = freshStores();
      const { host, frames } = hostOn(stores);

      await host.start();

      expect(frames()).toEqual([
        { kind: 'view-snapshot', view: 'Order status', rows: [], checkpoint: 0, head: 0 },
      ]);
    });
  });
});

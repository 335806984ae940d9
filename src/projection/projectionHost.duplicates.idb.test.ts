// The Order status projection host receiving a delivery it has applied before: it skips what is at
// or behind its checkpoint, unless the duplicate check is turned off.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TraceFrame } from '../bus/protocol';
import { readCheckpoint } from '../readstore/readStoreDb';
import { createProjectionHost } from './projectionHost';
import {
  allRows,
  closeAllStores,
  countedEvents,
  countingHostOn,
  eventCountProjection,
  expectStoreConsistent,
  freshStores,
  placeOrder,
  startedHost,
} from './testing/host';

afterEach(closeAllStores);

describe('Projection host (Order status)', () => {
  describe('When a delivery arrives again', () => {
    it('skips it: the row is built from one event, and nothing is reported', async () => {
      const { stores, host, trace } = await startedHost();
      const delivery = await placeOrder(stores.eventDb, 'ORD-1');
      await host.apply(delivery);
      trace.mockClear();

      await host.apply(delivery);

      expect(trace).not.toHaveBeenCalled();
      const [row] = (await allRows(host)).data;
      expect(row?.builtFrom).toEqual([1]);
      expect(await expectStoreConsistent(stores)).toBe(2);
    });

    it('counts each event once, however often its delivery arrives', async () => {
      const stores = freshStores();
      const host = countingHostOn(stores);
      await host.start();
      const first = await placeOrder(stores.eventDb, 'ORD-1');
      const second = await placeOrder(stores.eventDb, 'ORD-2');

      for (const delivery of [first, first, second, first, second]) await host.apply(delivery);

      expect(await countedEvents(stores.readDb)).toBe(4);
      expect(await readCheckpoint(stores.readDb)).toBe(4);
    });

    it('with the duplicate check off, applies it again and says how many events it reapplied', async () => {
      const stores = freshStores();
      const trace = vi.fn<(frame: TraceFrame) => void>();
      const host = createProjectionHost({
        projection: eventCountProjection,
        readDb: stores.readDb,
        eventDb: stores.eventDb,
        trace,
      });
      await host.start();
      const first = await placeOrder(stores.eventDb, 'ORD-1');
      await host.apply(first);
      await host.setDuplicateCheck(false);
      trace.mockClear();

      await host.apply(first);
      // The original and a copy merged into one delivery are both applied too.
      const second = await placeOrder(stores.eventDb, 'ORD-2');
      await host.apply({ ...second, events: [...second.events, ...second.events] });

      expect(await countedEvents(stores.readDb)).toBe(8);
      expect(await readCheckpoint(stores.readDb)).toBe(4);
      expect(
        trace.mock.calls.map(([frame]) => (frame.kind === 'view-changed' ? frame.reapplied : null)),
      ).toEqual([2, 2]);

      await host.setDuplicateCheck(true);
      await host.apply(second);
      expect(await countedEvents(stores.readDb)).toBe(8);
      await host.rebuild();
      expect(await countedEvents(stores.readDb)).toBe(4);
    });

    it('skips an older delivery that arrives after a newer one', async () => {
      const { stores, host, trace } = await startedHost();
      const first = await placeOrder(stores.eventDb, 'ORD-1');
      const second = await placeOrder(stores.eventDb, 'ORD-2');
      await host.apply(first);
      await host.apply(second);
      trace.mockClear();

      await host.apply(first);

      expect(trace).not.toHaveBeenCalled();
      expect((await allRows(host)).data.map((row) => row.builtFrom)).toEqual([[1], [3]]);
      expect(await expectStoreConsistent(stores)).toBe(4);
    });

    it('applies only the part of a batch beyond the checkpoint', async () => {
      const { stores, host, frames } = await startedHost();
      const first = await placeOrder(stores.eventDb, 'ORD-1');
      await host.apply(first);
      const second = await placeOrder(stores.eventDb, 'ORD-2');

      await host.apply({ ...second, events: [...first.events, ...second.events] });

      expect(frames().at(-1)).toMatchObject({
        kind: 'view-changed',
        changes: [{ key: 'ORD-2' }],
        checkpoint: 4,
      });
      expect((await allRows(host)).data.map((row) => row.builtFrom)).toEqual([[1], [3]]);
      expect(await expectStoreConsistent(stores)).toBe(4);
    });
  });
});

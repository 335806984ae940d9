// The page is sent the rows a view's panel shows, not the whole view (domain/screens.ts): the host
// sends the first rows in the panel's order and the view's count, keeps which rows those are beside
// the rows, and a restart sends them without reading the whole view.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TraceFrame } from '../bus/protocol';
import { newestOrderFirst, type Screen } from '../domain/screens';
import { orderStatusProjection, type OrderStatusRow } from '../domain/shop/orderStatus.projection';
import { ReadStoreDb, readScreen } from '../readstore/readStoreDb';
import { createProjectionHost } from './projectionHost';
import { closeAllStores, freshStores, placeOrder, track, type Stores } from './testing/host';

afterEach(closeAllStores);

const TWO_NEWEST: Screen<OrderStatusRow> = {
  shows: () => true,
  order: newestOrderFirst,
  limit: 2,
};

const screenedHost = (stores: Pick<Stores, 'eventDb' | 'readDb'>) => {
  const frames: TraceFrame[] = [];
  const host = createProjectionHost({
    projection: orderStatusProjection,
    ...stores,
    trace: (frame) => frames.push(frame),
    screen: TWO_NEWEST,
  });
  return { host, frames };
};

/** What the page was sent: each frame's row keys (a trailing '-' for a row taken away) and count. */
const sent = (frames: readonly TraceFrame[]) =>
  frames.flatMap((frame) =>
    frame.kind === 'view-snapshot'
      ? [`snapshot ${frame.rows.map((r) => r.key).join(' ')} of ${String(frame.total)}`]
      : frame.kind === 'view-changed' && frame.changes.length > 0
        ? [
            `changed ${frame.changes.map((c) => `${c.key}${c.value === null ? '-' : ''}`).join(' ')} of ${String(frame.total)}`,
          ]
        : [],
  );

describe('Projection host, sending the page the rows its panel shows', () => {
  it('sends the newest rows as orders come, with the view’s count, and stores which they are', async () => {
    const stores = freshStores();
    const { host, frames } = screenedHost(stores);
    await host.start();
    for (const id of ['ORD-1', 'ORD-2', 'ORD-3'])
      await host.apply(await placeOrder(stores.eventDb, id));

    expect(sent(frames)).toEqual([
      'snapshot  of 0',
      'changed ORD-1 of 1',
      'changed ORD-2 of 2',
      'changed ORD-1- ORD-3 of 3',
    ]);
    expect(await readScreen(stores.readDb)).toMatchObject({ keys: ['ORD-2', 'ORD-3'], total: 3 });
  });

  it('starts again from the stored rows, without reading the whole view', async () => {
    const stores = freshStores();
    const first = screenedHost(stores);
    await first.host.start();
    for (const id of ['ORD-1', 'ORD-2', 'ORD-3'])
      await first.host.apply(await placeOrder(stores.eventDb, id));
    stores.readDb.close();

    const readDb = track(new ReadStoreDb(stores.readName));
    const readAll = vi.spyOn(readDb.rows, 'toArray');
    const again = screenedHost({ eventDb: stores.eventDb, readDb });
    await again.host.start();

    expect(sent(again.frames)).toEqual(['snapshot ORD-3 ORD-2 of 3']);
    expect(readAll).not.toHaveBeenCalled();
  });

  it('works the rows out from the whole view after a rebuild and after a step back', async () => {
    const stores = freshStores();
    const { host, frames } = screenedHost(stores);
    await host.start();
    await host.apply(await placeOrder(stores.eventDb, 'ORD-1'));
    await host.apply(await placeOrder(stores.eventDb, 'ORD-2'));
    const third = await host.apply(await placeOrder(stores.eventDb, 'ORD-3'));
    frames.length = 0;

    await host.rebuild();
    expect(sent(frames)).toEqual(['snapshot ORD-3 ORD-2 of 3']);
    frames.length = 0;

    if (!third.undo) throw new Error('the last delivery should be undoable');
    expect(await host.undo(third.undo)).toBe(true);
    expect(sent(frames)).toEqual(['snapshot ORD-2 ORD-1 of 2']);
    expect(await readScreen(stores.readDb)).toMatchObject({ keys: ['ORD-2', 'ORD-1'], total: 2 });
  });
});

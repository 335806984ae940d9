// A view as the bus calls it where no events travel to it: shown whole when it starts, shown with
// each commit at the commit's position, and refusing what it has nothing for, with the reason.
import { afterEach, describe, expect, it } from 'vitest';
import type { TraceFrame } from '../bus/protocol';
import { projections, VIEW_NAMES } from '../domain/views';
import { createStateViewApi, noEventsFor } from './stateViewApi';
import { stateWriteApi } from './stateWriteApi';
import { addProduct, closeAll, placeOrder, stateModelOn } from './testing/stateModelFixture';

afterEach(closeAll);

const VIEWS = VIEW_NAMES.map((view) => projections[view]);

const shop = async (mode: 'one-model' | 'same-transaction') => {
  const built = stateModelOn(mode, mode === 'same-transaction' ? { views: VIEWS } : {});
  const api = stateWriteApi(built.model, built.db);
  await api.handle([addProduct('SKU-1', 5, { name: 'Blue mug', price: 4 })]);
  const later = await api.handle([placeOrder('ORD-1', 'SKU-1', 2)]);
  const events = later.flatMap((o) => (o.status === 'accepted' ? o.events : []));
  return { ...built, events };
};

const rowsIn = (frames: readonly TraceFrame[]) =>
  frames.flatMap((frame) =>
    frame.kind === 'view-snapshot'
      ? frame.rows
      : frame.kind === 'view-changed'
        ? frame.changes
        : [],
  );

describe.each(['one-model', 'same-transaction'] as const)('A %s view behind the bus', (mode) => {
  it('starts with every row it has, up to date with the last write', async () => {
    const { db } = await shop(mode);
    const view = createStateViewApi(db, 'Stock levels', mode);

    const started = await view.start(() => undefined);

    expect(started.value).toEqual({ checkpoint: 3, head: 3 });
    expect(rowsIn(started.frames)).toEqual([
      { key: 'SKU-1', value: expect.objectContaining({ onHand: 5, reserved: 2 }) as unknown },
    ]);
  });

  it('shows what a commit changed at the commit’s position', async () => {
    const { db, events } = await shop(mode);
    const view = createStateViewApi(db, 'Order status', mode);

    const shown = await view.refresh(events, 3);

    const checkpoints = shown.frames.flatMap((f) =>
      f.kind === 'view-changed' || f.kind === 'view-snapshot' ? [f.checkpoint] : [],
    );
    expect(checkpoints).toEqual([3]);
    expect(rowsIn(shown.frames)).toContainEqual({
      key: 'ORD-1',
      value: expect.objectContaining({ status: 'placed', total: 8 }) as unknown,
    });
  });

  it('refuses to apply events or rebuild, saying why, and takes nothing back', async () => {
    const { db, events } = await shop(mode);
    const view = createStateViewApi(db, 'Order status', mode);

    await expect(view.apply({ kind: 'events', events, head: 3 })).rejects.toThrow(
      noEventsFor(mode, 'Order status'),
    );
    await expect(view.rebuild(() => undefined)).rejects.toThrow(noEventsFor(mode, 'Order status'));
    expect((await view.undo({ before: [], fromCheckpoint: 1, toCheckpoint: 3 })).value).toBe(false);
  });

  it('sends the page the rows its panel shows, with the view’s count, not the whole view', async () => {
    const built = stateModelOn(mode, mode === 'same-transaction' ? { views: VIEWS } : {});
    const api = stateWriteApi(built.model, built.db);
    await api.handle([addProduct('SKU-1', 1_000, { name: 'Blue mug', price: 4 })]);
    await api.handle(
      Array.from({ length: 205 }, (_, i) => placeOrder(`ORD-${String(i)}`, 'SKU-1', 1)),
    );
    const view = createStateViewApi(built.db, 'Order status', mode);

    const started = await view.start(() => undefined);
    const snapshot = started.frames.find((frame) => frame.kind === 'view-snapshot');
    expect(snapshot?.rows).toHaveLength(200);
    expect(snapshot?.total).toBe(205);

    const later = await api.handle([placeOrder('ORD-NEW', 'SKU-1', 1)]);
    const events = later.flatMap((o) => (o.status === 'accepted' ? o.events : []));
    const shown = await view.refresh(events, events.at(-1)?.position ?? 0);
    const frame = shown.frames[0];
    const sent =
      frame?.kind === 'view-changed' || frame?.kind === 'view-snapshot' ? frame : undefined;
    expect(sent?.total).toBe(206);
    expect(rowsIn(shown.frames).length).toBeLessThanOrEqual(200);
  });
});

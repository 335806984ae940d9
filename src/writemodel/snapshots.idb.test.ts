// Chapter 12's snapshots on a real (in-memory) IndexedDB log: an account folded from its whole
// stream, then from its newest snapshot and the events after it; a snapshot of an older state shape
// thrown away and taken again; the log untouched by any of it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { append, EventStoreDb, headPosition, readStream } from '../eventstore';
import { createSnapshotBench, foldAccount, SnapshotDb } from './snapshots';

const opened: (EventStoreDb | SnapshotDb)[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

const NOW = '2025-03-01T10:00:00.000Z';

/** Opens ACC-3 in `events`: the only event of its stream before the bench's movements. */
const openAccount = (events: EventStoreDb) =>
  append(
    events,
    [
      {
        streamId: 'account-ACC-3',
        expectedVersion: 'no-stream',
        events: [
          { type: 'AccountOpened', data: { accountId: 'ACC-3', owner: 'The shop', openedAt: NOW } },
        ],
      },
    ],
    { commandId: 'open', commandType: 'OpenAccount', recordedAt: NOW },
  );

/** A log holding ACC-3 (opened), a snapshot store, and the bench on both. */
const bench = async () => {
  const events = new EventStoreDb(`test-${crypto.randomUUID()}`);
  const snapshots = new SnapshotDb(`test-snap-${crypto.randomUUID()}`);
  opened.push(events, snapshots);
  await openAccount(events);
  const told = vi.fn<(head: number) => void>();
  let tick = 0;
  const created = createSnapshotBench({
    events,
    snapshots,
    told,
    now: () => NOW,
    clock: () => (tick += 1),
  });
  return { events, snapshots, told, ...created };
};

/** ACC-3's balance in cents after `n` of the bench's movements (3 deposits of 12.50, 1 of −20). */
const balanceAfter = (n: number) =>
  Array.from({ length: n }, (_, i) => (i % 4 === 3 ? -2000 : 1250)).reduce((a, b) => a + b, 0);

describe('The snapshot bench', () => {
  describe('When it prepares the account', () => {
    it('appends the movements the bank’s rules accept, once, and tells the page', async () => {
      const { events, told, prepare } = await bench();
      expect(await prepare('ACC-3', 2501)).toEqual({ version: 2501, head: 2501 });
      expect(told).toHaveBeenCalledWith(2501);
      // Prepared again: nothing more is appended.
      expect(await prepare('ACC-3', 2501)).toEqual({ version: 2501, head: 2501 });
      expect(told).toHaveBeenCalledTimes(1);
      const stream = await readStream(events, 'account-ACC-3');
      expect(stream.map((e) => e.version)).toEqual(stream.map((_, i) => i + 1));
      expect(foldAccount('ACC-3', null, stream, 1)?.balanceCents).toBe(balanceAfter(2500));
    });
  });

  describe('When the account is loaded without a snapshot', () => {
    it('folds every event of its stream', async () => {
      const { prepare, load } = await bench();
      await prepare('ACC-3', 2501);
      const loaded = await load('ACC-3', { useSnapshot: false, shape: 1, every: 1000 });
      expect(loaded).toMatchObject({ from: 0, folded: 2501, version: 2501, discarded: null });
      expect(loaded.state.balanceCents).toBe(balanceAfter(2500));
      expect(loaded.ms).toBeGreaterThan(0);
    });
  });

  describe('When snapshots are taken every 1,000 events', () => {
    it('keeps one at each thousand, and a load folds only the events after the newest', async () => {
      const { prepare, load, takeEvery } = await bench();
      await prepare('ACC-3', 2501);
      const held = await takeEvery('ACC-3', 1000, 1);
      expect(held.map((s) => s.version)).toEqual([1000, 2000]);
      expect(held[1]?.state.balanceCents).toBe(balanceAfter(1999));
      const loaded = await load('ACC-3', { useSnapshot: true, shape: 1, every: 1000 });
      expect(loaded).toMatchObject({ from: 2000, folded: 501, version: 2501, discarded: null });
      // The same state as folding everything: a snapshot changes how fast, not what.
      const full = await load('ACC-3', { useSnapshot: false, shape: 1, every: 1000 });
      expect(loaded.state).toEqual(full.state);
    });

    it('takes only the ones still missing as the stream grows', async () => {
      const { prepare, takeEvery } = await bench();
      await prepare('ACC-3', 1501);
      expect((await takeEvery('ACC-3', 1000, 1)).map((s) => s.version)).toEqual([1000]);
      await prepare('ACC-3', 3201);
      expect((await takeEvery('ACC-3', 1000, 1)).map((s) => s.version)).toEqual([1000, 2000, 3000]);
    });
  });

  describe('When the state’s shape changes', () => {
    it('throws the old snapshots away, folds from the start, and takes them again in the new shape', async () => {
      const { prepare, load, takeEvery, held } = await bench();
      await prepare('ACC-3', 2501);
      await takeEvery('ACC-3', 1000, 1);
      const loaded = await load('ACC-3', { useSnapshot: true, shape: 2, every: 1000 });
      expect(loaded).toMatchObject({ from: 0, folded: 2501, discarded: 2000 });
      expect(loaded.state).toMatchObject({ balanceCents: balanceAfter(2500), movements: 2500 });
      const again = await held('ACC-3');
      expect(again.map((s) => [s.version, s.shape])).toEqual([
        [1000, 2],
        [2000, 2],
      ]);
      expect(again[1]?.state.movements).toBe(1999);
      const next = await load('ACC-3', { useSnapshot: true, shape: 2, every: 1000 });
      expect(next).toMatchObject({ from: 2000, folded: 501, discarded: null });
      expect(next.state).toEqual(loaded.state);
    });
  });

  describe('When the snapshots are dropped', () => {
    it('loads from the start again, and the log is as it was', async () => {
      const { events, prepare, load, takeEvery, drop, held } = await bench();
      await prepare('ACC-3', 1201);
      await takeEvery('ACC-3', 1000, 1);
      const head = await headPosition(events);
      await drop('ACC-3');
      expect(await held('ACC-3')).toEqual([]);
      expect(await load('ACC-3', { useSnapshot: true, shape: 1, every: 1000 })).toMatchObject({
        from: 0,
        folded: 1201,
      });
      expect(await headPosition(events)).toBe(head);
    });
  });

  it('drops the snapshots of versions a stream has not reached (the log was reset)', async () => {
    const first = await bench();
    await first.prepare('ACC-3', 1001);
    await first.takeEvery('ACC-3', 1000, 1);
    // A fresh log, the same snapshot store: its snapshots are of a stream that is gone.
    const events = new EventStoreDb(`test-${crypto.randomUUID()}`);
    opened.push(events);
    await openAccount(events);
    const again = createSnapshotBench({ events, snapshots: first.snapshots, now: () => NOW });
    await again.prepare('ACC-3', 11);
    expect(await again.held('ACC-3')).toEqual([]);
  });
});

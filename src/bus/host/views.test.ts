// The read views as the bus keeps them: paused, stopped, restarted, rebuilt and caught up.
import { describe, expect, it } from 'vitest';
import {
  ORDER_STATUS,
  STOCK_LEVELS,
  placeOrder,
  orderPlaced,
  fakeView,
  framesOf,
  type EventsSummary,
  lab,
  ascending,
} from './testing/harness';

describe('The bus host', () => {
  describe('When a view is paused, stopped or restarted', () => {
    it('keeps a paused view’s mail while the others get theirs, then delivers the backlog in order', async () => {
      const { host, frames, orderStatus, stockLevels, deliveries, stepAll } = await lab();
      host.pauseView(STOCK_LEVELS);
      expect(framesOf(frames, 'view-phase').at(-1)).toEqual({
        kind: 'view-phase',
        view: STOCK_LEVELS,
        phase: 'paused',
      });
      host.sendCommand(placeOrder('o-1'));
      host.sendCommand(placeOrder('o-2'));
      await stepAll();
      expect(orderStatus.applied).toEqual([1, 2]);
      expect(stockLevels.received).toEqual([]);
      // Its backlog, in order of due time (jitter may let position 2 overtake position 1).
      const backlog = host.queue();
      expect(backlog.map((m) => m.to)).toEqual([STOCK_LEVELS, STOCK_LEVELS]);
      const positions = backlog.map((m) => [(m.payload as EventsSummary).first]);
      expect(positions.flat().sort(ascending)).toEqual([1, 2]);

      host.resumeView(STOCK_LEVELS);
      const before = deliveries().length;
      expect(await host.step()).toEqual([backlog[0]?.id]);
      expect(await host.step()).toEqual([backlog[1]?.id]);
      expect(
        deliveries()
          .slice(before)
          .map((d) => d.to),
      ).toEqual([STOCK_LEVELS, STOCK_LEVELS]);
      expect(stockLevels.received).toEqual(positions);
      expect(stockLevels.applied).toEqual([1, 2]);
    });

    it('holds a stopped view’s mail, starts the restarted worker, then delivers the backlog', async () => {
      const { host, log, frames, orderStatus, stockLevels } = await lab();
      host.sendCommand(placeOrder('o-1'));
      await host.settle();
      host.stopView(STOCK_LEVELS);
      expect(stockLevels.aborted).toBe(true);
      host.sendCommand(placeOrder('o-2'));
      await host.settle();
      expect(orderStatus.applied).toEqual([1, 2]);
      expect(stockLevels.received).toEqual([[1]]);
      expect(host.queue().map((m) => m.to)).toEqual([STOCK_LEVELS]);

      const restarted = fakeView(STOCK_LEVELS, log, stockLevels);
      const seen = frames.length;
      await host.attachView(STOCK_LEVELS, restarted);
      expect(framesOf(frames.slice(seen), 'view-phase')).toEqual([
        { kind: 'view-phase', view: STOCK_LEVELS, phase: 'starting' },
        {
          kind: 'view-phase',
          view: STOCK_LEVELS,
          phase: 'starting',
          progress: { done: 1, total: 2 },
        },
        {
          kind: 'view-phase',
          view: STOCK_LEVELS,
          phase: 'starting',
          progress: { done: 2, total: 2 },
        },
        { kind: 'view-phase', view: STOCK_LEVELS, phase: 'running' },
      ]);
      await host.settle();
      expect(restarted.received).toEqual([[2]]); // the backlog, already caught up: skipped
      expect(restarted.applied).toEqual([2]);
      expect(host.queue()).toEqual([]);
    });

    it('tells whoever attached the view each time its start moves on (they time it by that)', async () => {
      const { host, log, frames, stockLevels } = await lab();
      host.sendCommand(placeOrder('o-1'));
      host.sendCommand(placeOrder('o-2'));
      await host.settle();
      host.stopView(STOCK_LEVELS);
      const seen = frames.length;
      let reports = 0;
      await host.attachView(STOCK_LEVELS, fakeView(STOCK_LEVELS, log, stockLevels), () => {
        reports += 1;
      });
      const progress = framesOf(frames.slice(seen), 'view-phase').filter((f) => 'progress' in f);
      expect(progress.length).toBeGreaterThan(0);
      expect(reports).toBe(progress.length);
    });
  });

  describe('When another tab appends to the log', () => {
    it('has every running view read what it has not seen, and leaves a paused one alone', async () => {
      const { host, log, orderStatus, stockLevels } = await lab();
      host.pauseView(STOCK_LEVELS);
      // Another tab's write model appended these: this bus never carried them.
      log.events.push(orderPlaced('o-1', 'other-1', 1), orderPlaced('o-2', 'other-2', 2));

      await host.catchUpViews();

      expect(orderStatus.applied).toEqual([1, 2]);
      expect(stockLevels.applied).toEqual([]);
      host.resumeView(STOCK_LEVELS);
      await host.catchUpViews();
      expect(stockLevels.applied).toEqual([1, 2]);
    });
  });

  describe('When a view’s duplicate check is turned off', () => {
    it('tells its worker, keeps it off across a restart, and turns it on again on reset', async () => {
      const { host, log, frames, stockLevels } = await lab();
      await host.setDuplicateCheck(STOCK_LEVELS, false);
      expect(stockLevels.duplicateChecks).toEqual([false]);
      expect(framesOf(frames, 'view-duplicate-check')).toEqual([
        { kind: 'view-duplicate-check', view: STOCK_LEVELS, on: false },
      ]);

      host.stopView(STOCK_LEVELS);
      const restarted = fakeView(STOCK_LEVELS, log, stockLevels);
      await host.attachView(STOCK_LEVELS, restarted);
      expect(restarted.duplicateChecks).toEqual([false]);

      await host.reset();
      expect(restarted.duplicateChecks).toEqual([false, true]);
      expect(framesOf(frames, 'view-duplicate-check').at(-1)).toEqual({
        kind: 'view-duplicate-check',
        view: STOCK_LEVELS,
        on: true,
      });
    });
  });

  describe('When a view’s last progress report arrives after its answer', () => {
    // Seen once in CI: Product search stayed 'Rebuilding: 707 of 707' after its rebuild was done.
    it('keeps the view running: a late report does not put it back to rebuilding', async () => {
      const { host, frames, orderStatus, clock } = await lab();
      host.sendCommand(placeOrder('o-1'));
      await host.settle();
      orderStatus.lateProgress = true;
      await host.rebuildView(ORDER_STATUS);
      await clock.flush(); // the late report comes in
      const phases = framesOf(frames, 'view-phase').filter((f) => f.view === ORDER_STATUS);
      expect(phases.at(-1)).toEqual({ kind: 'view-phase', view: ORDER_STATUS, phase: 'running' });
      host.sendCommand(placeOrder('o-2'));
      await host.settle();
      expect(orderStatus.applied).toEqual([1, 2]); // and it still gets its mail
    });
  });

  describe('When a view’s rebuild fails', () => {
    it('tries once more, and a second try that works leaves the view running', async () => {
      const { host, frames, orderStatus } = await lab();
      host.sendCommand(placeOrder('o-1'));
      await host.settle();
      orderStatus.failingRebuilds = 1;
      await host.rebuildView(ORDER_STATUS);
      expect(framesOf(frames, 'notice').at(-1)?.text).toMatch(
        /^Order status could not rebuild \(Error: QuotaExceededError\): trying again$/,
      );
      expect(framesOf(frames, 'view-phase').at(-1)).toEqual({
        kind: 'view-phase',
        view: ORDER_STATUS,
        phase: 'running',
      });
      expect(orderStatus.checkpoint).toBe(1);
    });

    it('stops a view whose rebuild fails twice and says why, instead of leaving it rebuilding', async () => {
      const { host, frames, orderStatus } = await lab();
      orderStatus.failingRebuilds = 2;
      await host.rebuildView(ORDER_STATUS);
      expect(framesOf(frames, 'notice').at(-1)?.text).toMatch(
        /could not rebuild .*so it was stopped: restart it to try again$/,
      );
      expect(framesOf(frames, 'view-phase').at(-1)?.phase).toBe('stopped');
      expect(orderStatus.aborted).toBe(true);
      host.sendCommand(placeOrder('o-1'));
      await host.settle();
      expect(host.queue().map((m) => m.to)).toEqual([ORDER_STATUS]); // its mail waits for it
    });

    it('lets a kill end a rebuild that never finishes, and the bus goes on', async () => {
      const { host, orderStatus, stockLevels } = await lab();
      orderStatus.failingRebuilds = null;
      const rebuilding = host.rebuildView(ORDER_STATUS);
      await new Promise((resolve) => setTimeout(resolve, 0));
      host.stopView(ORDER_STATUS);
      await rebuilding;
      host.sendCommand(placeOrder('o-1'));
      await host.settle();
      expect(stockLevels.applied).toEqual([1]);
    });
  });
});

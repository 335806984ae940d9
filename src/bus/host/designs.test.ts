// The bus in the designs that keep state in place: views written with the commit get no events and
// are shown with it; views fed from an outbox let the write model delete what every view applied.
import { describe, expect, it } from 'vitest';
import { ORDER_STATUS, STOCK_LEVELS, framesOf, lab, placeOrder } from './testing/harness';

describe('The bus host in other designs', () => {
  describe('When the views are written in the write’s own transaction', () => {
    it('sends them no events, and shows each view with the commit, never behind it', async () => {
      const { host, frames, orderStatus, stockLevels, stepAll } = await lab(undefined, {
        views: 'in-write',
      });
      host.sendCommand(placeOrder('o-1'));
      host.sendCommand(placeOrder('o-2'));
      await stepAll();
      const sent = framesOf(frames, 'sent').map((f) => f.message.kind);
      expect(sent).not.toContain('events');
      expect(orderStatus.refreshed.flat()).toEqual([1, 2]);
      expect(stockLevels.refreshed.flat()).toEqual([1, 2]);
      expect(orderStatus.received).toEqual([]);
      // The outcome message leaves after the views were shown at the new head.
      expect(orderStatus.head).toBe(2);
    });

    it('refuses to pause a view, saying why, and leaves it running', async () => {
      const { host, frames } = await lab(undefined, { views: 'in-write' });
      host.pauseView(ORDER_STATUS);
      expect(framesOf(frames, 'notice').at(-1)?.text).toMatch(/nothing to pause/);
      expect(framesOf(frames, 'view-phase').filter((f) => f.phase === 'paused')).toEqual([]);
    });

    it('refuses a rebuild with the design’s reason and leaves the view as it was', async () => {
      const { host, frames, orderStatus } = await lab(undefined, {
        views: 'in-write',
        noRebuild: 'No history is kept to rebuild from',
      });
      await host.rebuildView(ORDER_STATUS);
      expect(framesOf(frames, 'notice').at(-1)?.text).toBe('No history is kept to rebuild from');
      expect(framesOf(frames, 'view-rebuilt')).toEqual([]);
      expect(framesOf(frames, 'view-phase').filter((f) => f.phase === 'rebuilding')).toEqual([]);
      expect(orderStatus.aborted).toBe(false);
    });
  });

  describe('When the views are fed from an outbox', () => {
    it('tells the write model what every view has applied, once the slowest has', async () => {
      const { host, log, stepAll } = await lab(undefined, { views: 'outbox' });
      host.pauseView(STOCK_LEVELS);
      host.sendCommand(placeOrder('o-1'));
      host.sendCommand(placeOrder('o-2'));
      await stepAll();
      // Order status has applied both; Stock levels nothing: no row may go yet.
      expect(log.relayedUpTo).toEqual([]);
      host.resumeView(STOCK_LEVELS);
      await stepAll();
      expect(log.relayedUpTo.at(-1)).toBe(2);
    });

    it('never tells the write model anything in the event-sourced design', async () => {
      const { host, log, stepAll } = await lab();
      host.sendCommand(placeOrder('o-1'));
      await stepAll();
      expect(log.relayedUpTo).toEqual([]);
    });
  });
});

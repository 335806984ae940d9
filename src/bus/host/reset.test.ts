// Reset: the bus starts again from nothing.
import { describe, expect, it } from 'vitest';
import { placeOrder, framesOf, lab } from './testing/harness';

describe('The bus host', () => {
  describe('When reset', () => {
    it('empties the queue, the log and every view, and starts the clock again', async () => {
      const { host, log, frames, views, lastClock } = await lab();
      host.sendCommand(placeOrder('o-1'));
      host.sendCommand(placeOrder('o-2'));
      await host.step();
      await host.step();
      expect(host.queue().length).toBeGreaterThan(0);

      await host.reset();
      expect(host.queue()).toEqual([]);
      expect(log.resets).toBe(1);
      for (const view of views) expect(view.resets).toBe(1);
      expect(framesOf(frames, 'reset')).toHaveLength(1);
      expect(lastClock()).toMatchObject({ now: 0, pending: 0, history: 0 });
      expect(await host.stepBack()).toBe(false);

      host.sendCommand(placeOrder('o-3'));
      await host.settle();
      for (const view of views) expect(view.applied).toEqual([1]);
    });
  });
});

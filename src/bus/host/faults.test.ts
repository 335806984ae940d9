// Faults the learner injects into a message in flight.
import { describe, expect, it } from 'vitest';
import { ORDER_STATUS, STOCK_LEVELS, placeOrder, framesOf, lab } from './testing/harness';

describe('The bus host', () => {
  describe('When a fault is injected', () => {
    it('never hands over a dropped message', async () => {
      const { host, frames, orderStatus, stockLevels, lastClock, deliveries } = await lab();
      host.sendCommand(placeOrder('o-1'));
      await host.step();
      const lost = host.queue().find((m) => m.to === STOCK_LEVELS)?.id ?? 0;

      host.drop(lost);
      expect(framesOf(frames, 'dropped')).toEqual([{ kind: 'dropped', ids: [lost] }]);
      expect(host.queue().map((m) => m.id)).not.toContain(lost);
      expect(lastClock()?.pending).toBe(2);
      await host.settle();
      expect(deliveries().flatMap((d) => d.ids)).not.toContain(lost);
      expect(stockLevels.received).toEqual([]);
      expect(orderStatus.applied).toEqual([1]);
    });

    it('hands over a duplicated message twice, and the view skips the copy', async () => {
      const { host, frames, orderStatus, stepAll } = await lab();
      host.sendCommand(placeOrder('o-1'));
      await host.step();
      const original = host.queue().find((m) => m.to === ORDER_STATUS);

      host.duplicate(original?.id ?? 0);
      const copy = framesOf(frames, 'sent').at(-1)?.message;
      expect(copy).toMatchObject({ to: ORDER_STATUS, payload: original?.payload });
      expect(copy?.id).not.toBe(original?.id);
      expect(host.queue()).toHaveLength(4);
      await stepAll();
      expect(orderStatus.received).toEqual([[1], [1]]);
      expect(orderStatus.applied).toEqual([1]);
    });
  });
});

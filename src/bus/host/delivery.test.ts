// Handing messages over: one per step, to the receiver it is for, several views at once, each after
// its delay; a view that cannot take its mail keeps it pending.
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUS_SETTINGS } from '../defaults';
import { UI, type ViewQuery } from '../protocol';
import { ORDER_STATUS, STOCK_LEVELS, placeOrder, framesOf, lab } from './testing/harness';

describe('The bus host', () => {
  describe('When stepping', () => {
    it('hands over exactly one message per step, the next due, until nothing is pending', async () => {
      const { host, log, orderStatus, stockLevels, lastClock, deliveries } = await lab();
      const command = host.sendCommand(placeOrder('o-1'));
      expect(lastClock()).toMatchObject({ pending: 1, playing: false, now: 0 });
      expect(log.handled).toEqual([]);

      expect(await host.step()).toEqual([command]);
      expect(log.handled).toEqual(['place-o-1']);
      expect(lastClock()).toMatchObject({ now: 30, pending: 3, history: 1 });
      const replies = host.queue();
      // The write model is busy for 10 ms with the command; its replies leave after that.
      expect(replies.map((m) => m.sentAt)).toEqual([40, 40, 40]);
      expect(replies.map((m) => [m.kind, m.to, m.causationId])).toEqual([
        ['outcome', UI, command],
        ['events', ORDER_STATUS, command],
        ['events', STOCK_LEVELS, command],
      ]);

      for (const [i, reply] of replies.entries()) {
        expect(await host.step()).toEqual([reply.id]);
        expect(deliveries()).toHaveLength(i + 2);
        expect(lastClock()).toMatchObject({ now: reply.deliverAt, pending: 2 - i });
      }
      expect(deliveries().slice(1)).toEqual(
        replies.map((m) => ({ ids: [m.id], at: m.deliverAt, to: m.to })),
      );
      expect(await host.step()).toEqual([]);
      expect(orderStatus.received).toEqual([[1]]);
      expect(stockLevels.received).toEqual([[1]]);
    });

    it('hands over one of two commands due at the same time, the older first', async () => {
      const { host, log } = await lab();
      host.sendCommand(placeOrder('o-1'));
      host.sendCommand(placeOrder('o-2'));
      await host.step();
      expect(log.handled).toEqual(['place-o-1']);
      await host.step();
      expect(log.handled).toEqual(['place-o-1', 'place-o-2']);
    });

    it('sends a rejected command only its outcome, and the views nothing', async () => {
      const { host, log } = await lab();
      host.sendCommand(placeOrder('o-1'));
      await host.settle();
      const again = host.sendCommand(placeOrder('o-1', 'place-o-1-again'));
      await host.step();
      expect(log.events).toHaveLength(1);
      expect(host.queue()).toMatchObject([
        { kind: 'outcome', to: UI, causationId: again, payload: { status: 'rejected' } },
      ]);
    });
  });

  describe('When several views have mail due', () => {
    it('hands it to them at the same time, and a step back still undoes one delivery at a time', async () => {
      const { host, orderStatus, stockLevels, clock, pendingIds } = await lab();
      let open: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (open = resolve));
      const started: string[] = [];
      for (const view of [orderStatus, stockLevels]) {
        const apply = view.apply;
        view.apply = async (delivery) => {
          started.push(view.name);
          await gate;
          return apply(delivery);
        };
      }
      host.sendCommand(placeOrder('o-1'));
      const settling = host.settle();
      for (let i = 0; i < 20 && started.length < 2; i += 1) await clock.flush();
      // Both views are applying before either has finished.
      expect(started.sort()).toEqual([ORDER_STATUS, STOCK_LEVELS]);
      open();
      await settling;
      expect(orderStatus.applied).toEqual([1]);
      expect(stockLevels.applied).toEqual([1]);

      expect(await host.stepBack()).toBe(true);
      expect(pendingIds()).toHaveLength(1);
      expect(await host.stepBack()).toBe(true);
      expect(pendingIds()).toHaveLength(2);
      expect([orderStatus.checkpoint, stockLevels.checkpoint]).toEqual([0, 0]);
    });
  });

  describe('When the UI asks a view', () => {
    it('answers with a message to the UI caused by the query', async () => {
      const { host } = await lab();
      host.sendCommand(placeOrder('o-1'));
      await host.settle();
      const query: ViewQuery = { kind: 'key', key: 'o-1' };
      const asked = host.sendQuery(ORDER_STATUS, query);
      expect(host.queue()).toMatchObject([{ id: asked, kind: 'query', to: ORDER_STATUS }]);

      expect(await host.step()).toEqual([asked]);
      expect(host.queue()).toMatchObject([
        {
          kind: 'answer',
          from: ORDER_STATUS,
          to: UI,
          causationId: asked,
          payload: {
            query,
            answer: { data: 'placed', asOfPosition: 1, headPosition: 1, servedBy: ORDER_STATUS },
          },
        },
      ]);
    });
  });

  describe('When a view’s delay is put back to its default', () => {
    it('delivers its next mail after the delay it started with', async () => {
      const { host } = await lab();
      host.setDelay(STOCK_LEVELS, 5_000);
      expect(host.settingsOf(STOCK_LEVELS).delayMs).toBe(5_000);

      const initial = DEFAULT_BUS_SETTINGS[STOCK_LEVELS]?.delayMs ?? Number.NaN;
      expect(host.resetDelay(STOCK_LEVELS)).toBe(initial);
      expect(host.settingsOf(STOCK_LEVELS).delayMs).toBe(initial);

      host.sendCommand(placeOrder('o-1'));
      await host.step(); // the command: its events are sent to each view
      const events = host.queue().find((m) => m.to === STOCK_LEVELS && m.kind === 'events');
      const jitterMs = DEFAULT_BUS_SETTINGS[STOCK_LEVELS]?.jitterMs ?? 0;
      const waits = (events?.deliverAt ?? Number.NaN) - (events?.sentAt ?? 0);
      expect(waits).toBeGreaterThanOrEqual(initial);
      expect(waits).toBeLessThan(initial + jitterMs);
    });
  });

  describe('When a view fails to take its mail', () => {
    it('keeps the message pending and tells the learner', async () => {
      const { host, frames, orderStatus } = await lab();
      host.sendCommand(placeOrder('o-1'));
      await host.step(); // the command
      await host.step(); // its outcome
      orderStatus.failingApplies = 1;
      const next = await host.step();

      expect(orderStatus.failedApplies).toBe(1);
      expect(host.queue().map((m) => m.id)).toContain(next[0]);
      expect(framesOf(frames, 'notice').at(-1)?.text).toMatch(/Order status could not take/);
      await host.settle();
      expect(orderStatus.applied).toEqual([1]);
    });

    // Seen (since fixed): a failed delivery was put back at once and taken again in the same loop,
    // so a view that always failed hung the bus worker and pause could not get in.
    it('does not retry a failing view in a tight loop', async () => {
      const { host, orderStatus } = await lab();
      host.sendCommand(placeOrder('o-1'));
      await host.step();
      orderStatus.failingApplies = 20; // then it recovers, so the test ends either way
      await host.settle();
      expect(orderStatus.failedApplies).toBe(1);
    });
  });
});

// Virtual time: the same seed gives the same trace, pause and play lose nothing, and live the clock
// follows real time × speed, resting while nothing is in flight.
import { describe, expect, it } from 'vitest';
import { UI, WRITE_MODEL, type TraceFrame } from '../protocol';
import {
  SEED,
  ORDER_STATUS,
  STOCK_LEVELS,
  placeOrder,
  framesOf,
  lab,
  ascending,
} from './testing/harness';

describe('The bus host', () => {
  describe('When the same scenario runs twice', () => {
    const scenario = async (seed: number) => {
      const { host, clock, frames } = await lab(seed);
      host.sendCommand(placeOrder('o-1'));
      host.sendCommand(placeOrder('o-2'));
      await host.step();
      await host.step();
      host.play();
      await clock.advance(96);
      host.sendCommand(placeOrder('o-3'));
      await clock.advance(112);
      await host.pause();
      host.sendQuery(STOCK_LEVELS, { kind: 'all' });
      await host.settle();
      return frames;
    };

    it('emits the identical trace for the same seed', async () => {
      const first = await scenario(SEED);
      const second = await scenario(SEED);
      expect(framesOf(first, 'delivered').length).toBeGreaterThan(10);
      expect(second).toEqual(first);
    });

    it('times the views differently for another seed', async () => {
      const times = (frames: TraceFrame[]) => framesOf(frames, 'delivered').map((f) => f.at);
      expect(times(await scenario(SEED + 1))).not.toEqual(times(await scenario(SEED)));
    });
  });

  describe('When paused and played again', () => {
    it('loses nothing and reorders nothing', async () => {
      const l = await lab();
      const { host, clock, log, frames, deliveries } = l;
      host.sendCommand(placeOrder('o-1'));
      host.sendCommand(placeOrder('o-2'));
      host.play();
      await clock.advance(48);
      await host.pause();
      const whilePaused = deliveries().length;
      host.sendCommand(placeOrder('o-3'));
      await clock.advance(500);
      expect(deliveries()).toHaveLength(whilePaused);
      await host.step();
      await host.step();
      host.play();
      await clock.advance(144);
      host.sendCommand(placeOrder('o-4'));
      host.sendCommand(placeOrder('o-5'));
      await clock.advance(32);
      await host.pause();
      await host.step();
      await host.settle();

      expect(log.handled).toEqual(['o-1', 'o-2', 'o-3', 'o-4', 'o-5'].map((o) => `place-${o}`));
      for (const view of l.views) expect(view.applied).toEqual([1, 2, 3, 4, 5]);
      expect(host.queue()).toEqual([]);
      const sent = framesOf(frames, 'sent').map((f) => f.message.id);
      const handedOver = deliveries().flatMap((d) => d.ids);
      expect([...handedOver].sort(ascending)).toEqual([...sent].sort(ascending));
      // Virtual time never runs backwards, and each receiver gets its mail in order of due time.
      const times = deliveries().map((d) => d.at);
      expect(times).toEqual([...times].sort(ascending));
      for (const receiver of [WRITE_MODEL, UI, ORDER_STATUS, STOCK_LEVELS]) {
        const due = deliveries()
          .filter((d) => d.to === receiver)
          .flatMap((d) => d.ids)
          .map((id) => l.sentMessage(id)?.deliverAt ?? Number.NaN);
        expect(due).toEqual([...due].sort(ascending));
      }
    });
  });

  describe('When playing live', () => {
    it('hands a command over once its delay has passed in real time', async () => {
      const { host, clock, log, deliveries } = await lab();
      host.sendCommand(placeOrder('o-1'));
      host.play();
      await clock.advance(16);
      expect(log.handled).toEqual([]);
      await clock.advance(16);
      expect(log.handled).toEqual(['place-o-1']);
      expect(deliveries()).toEqual([{ ids: [1], at: 30, to: WRITE_MODEL }]);
      await host.pause();
    });

    it('runs virtual time at real time × speed', async () => {
      const { host, clock, log, lastClock } = await lab();
      host.setSpeed(2);
      host.sendCommand(placeOrder('o-1'));
      host.play();
      await clock.advance(16);
      expect(log.handled).toEqual(['place-o-1']);
      expect(lastClock()?.now).toBe(32);
      await host.pause();
    });

    it('keeps telling the page the time during a long burst as fast as possible', async () => {
      const { host, clock, frames, stepAll, orderStatus, stockLevels } = await lab();
      // Views that take 60 ms of real time over each delivery.
      for (const view of [orderStatus, stockLevels])
        await host.attachView(view.name, {
          ...view,
          apply: (delivery) => {
            clock.pass(60);
            return view.apply(delivery);
          },
        });
      for (const id of ['o-1', 'o-2', 'o-3']) {
        host.sendCommand(placeOrder(id));
        await host.step();
      }
      const burstStart = frames.length;
      host.setSpeed(Number.POSITIVE_INFINITY);
      host.play();
      await clock.advance(16);
      await stepAll();
      const told = framesOf(frames.slice(burstStart), 'clock').map((f) => f.pending);
      // Not just before and after: the pending count is seen going down while the burst runs.
      expect(told.at(-1)).toBe(0);
      expect(new Set(told.filter((pending) => pending > 0)).size).toBeGreaterThanOrEqual(3);
      await host.pause();
    });

    it('hands a batch of due commands to the write model in one delivery', async () => {
      const { host, clock, deliveries } = await lab();
      host.sendCommand(placeOrder('o-1'));
      host.sendCommand(placeOrder('o-2'));
      host.play();
      await clock.advance(32);
      expect(deliveries()).toEqual([{ ids: [1, 2], at: 30, to: WRITE_MODEL }]);
      await host.pause();
    });

    // Once a bug: a command sent while the loop slept was stamped with a stale time, found overdue
    // when the loop woke, and handed over at once without its 30 ms delay.
    it('gives a command sent after the bus sat idle its whole delay', async () => {
      const { host, clock, log, sentMessage, deliveries } = await lab();
      host.play();
      await clock.advance(192);
      const command = host.sendCommand(placeOrder('o-1'));
      const sentAt = sentMessage(command)?.sentAt ?? Number.NaN;
      await clock.flush();
      expect(log.handled).toEqual([]);
      await clock.advance(48);
      expect(deliveries()).toEqual([{ ids: [command], at: sentAt + 30, to: WRITE_MODEL }]);
      await host.pause();
    });

    it('rests while nothing is in flight: the clock stands still and the page is told nothing', async () => {
      const { host, clock, frames, lastClock } = await lab();
      host.play();
      await clock.advance(64);
      const rested = lastClock();
      const framesAtRest = frames.length;
      await clock.advance(5_000);
      expect(frames.length).toBe(framesAtRest);
      expect(rested).toMatchObject({ playing: true, pending: 0 });
      // The next command starts from the clock as it rested, not from five seconds later.
      host.sendCommand(placeOrder('o-1'));
      expect(lastClock()?.now).toBe(rested?.now);
      await clock.advance(48);
      expect(lastClock()?.now).toBeGreaterThan(rested?.now ?? Infinity);
      await host.pause();
    });

    it('keeps the clock running while mail waits for a paused view, so its lag can grow', async () => {
      const { host, clock, lastClock, stepAll } = await lab();
      host.pauseView(STOCK_LEVELS);
      host.sendCommand(placeOrder('o-1'));
      await stepAll();
      expect(lastClock()?.pending).toBeGreaterThan(0);
      host.play();
      await clock.advance(32);
      const before = lastClock()?.now ?? Infinity;
      await clock.advance(1_000);
      // Read at its quarter-second ticks: at least three of them in a second.
      expect(lastClock()?.now).toBeGreaterThanOrEqual(before + 700);
      await host.pause();
    });
  });
});

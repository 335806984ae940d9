// The write model's worker dying and being restarted, as the bus sees it.
import { describe, expect, it } from 'vitest';
import { WRITE_MODEL } from '../protocol';
import type { WriteEndpoint } from './index';
import { placeOrder, type FakeLog, framesOf, lab } from './testing/harness';

describe('The bus host', () => {
  describe('When the write model’s worker dies', () => {
    /** A write model that stores what it is handed, then dies before it answers. */
    const dyingWriteModel = (log: FakeLog): WriteEndpoint => {
      let abort: (error: Error) => void = () => undefined;
      return {
        ...log,
        handle: (commands) => {
          void log.handle(commands);
          return new Promise<never>((_, reject) => (abort = reject));
        },
        abort: () => abort(new Error('the write model stopped')),
      };
    };

    it('holds commands while it is down, then the restarted one gets the unanswered ones again under their ids', async () => {
      const { host, log, clock, frames, orderStatus } = await lab();
      host.attachWrite(dyingWriteModel(log));
      host.sendCommand(placeOrder('o-1'));
      const stepping = host.step();
      await clock.flush();
      host.stopWrite(); // the page's watchdog found it dead
      await stepping;
      expect(log.events.map((e) => e.meta.commandId)).toEqual(['place-o-1']); // stored, never answered

      host.sendCommand(placeOrder('o-2'));
      await host.settle();
      expect(log.handled).toEqual(['place-o-1']);
      expect(
        host.queue().map((m) => [m.to, m.kind === 'command' ? m.payload.meta.commandId : m.kind]),
      ).toEqual([
        [WRITE_MODEL, 'place-o-1'],
        [WRITE_MODEL, 'place-o-2'],
      ]);

      host.attachWrite(log);
      await host.settle();
      expect(log.handled).toEqual(['place-o-1', 'place-o-1', 'place-o-2']);
      expect(log.events.map((e) => [e.position, e.meta.commandId])).toEqual([
        [1, 'place-o-1'],
        [2, 'place-o-2'],
      ]);
      const outcomes = framesOf(frames, 'sent')
        .map((f) => f.message)
        .flatMap((m) => (m.kind === 'outcome' ? [m.payload] : []));
      expect(outcomes.map((o) => [o.commandId, o.status === 'accepted' && o.duplicate])).toEqual([
        ['place-o-1', true],
        ['place-o-2', false],
      ]);
      // The view never heard of #1 from the bus: the gap before #2 is closed from the log.
      expect(orderStatus.applied).toEqual([1, 2]);
      expect(host.queue()).toEqual([]);
    });

    it('asks for it to be restarted before stepping back past its delivery', async () => {
      const { host, log, frames } = await lab();
      host.sendCommand(placeOrder('o-1'));
      await host.step();
      host.stopWrite();
      expect(await host.stepBack()).toBe(false);
      expect(framesOf(frames, 'notice').at(-1)?.text).toMatch(/Restart Write model to step back/);
      host.attachWrite(log);
      expect(await host.stepBack()).toBe(true);
      expect(log.undone).toEqual([['place-o-1']]);
    });

    it('refuses a reset while it is down, and keeps everything as it was', async () => {
      const { host, log } = await lab();
      host.sendCommand(placeOrder('o-1'));
      await host.settle();
      host.stopWrite();
      await expect(host.reset()).rejects.toThrow(/write model is not running/);
      expect(log.resets).toBe(0);
      expect(log.events).toHaveLength(1);
    });
  });
});

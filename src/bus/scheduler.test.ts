import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Scheduler, type Outbound } from './scheduler';

const to = (
  endpoint: string,
  kind: Outbound['kind'] = 'events',
  payload: unknown = null,
): Outbound => ({
  kind,
  from: 'Write model',
  to: endpoint,
  causationId: null,
  payload,
});

const ids = (s: Scheduler) => s.queue().map((m) => m.id);

describe('Scheduler', () => {
  describe('When stepping', () => {
    it('hands over exactly one message per step, the next due, and moves the clock to it', () => {
      const s = new Scheduler(1);
      s.configure('A', { delayMs: 30 });
      s.configure('B', { delayMs: 10 });
      s.send(to('A'));
      s.send(to('B'));
      s.send(to('B'));
      const first = s.take();
      expect(first?.messages.map((m) => [m.id, m.to])).toEqual([[2, 'B']]);
      expect(s.now).toBe(10);
      expect(s.take()?.messages.map((m) => m.id)).toEqual([3]);
      expect(s.take()?.messages.map((m) => m.id)).toEqual([1]);
      expect(s.now).toBe(30);
      expect(s.take()).toBeUndefined();
    });

    it('hands over nothing that is not due by `until`', () => {
      const s = new Scheduler(1);
      s.configure('A', { delayMs: 50 });
      s.send(to('A'));
      expect(s.take({ until: 49 })).toBeUndefined();
      expect(s.take({ until: 50 })?.at).toBe(50);
    });
  });

  describe('When a receiver is slow', () => {
    it('keeps it busy for its processing time, so its next message waits', () => {
      const s = new Scheduler(1);
      s.configure('A', { delayMs: 10, processingMs: 100 });
      s.send(to('A'));
      s.send(to('A'));
      expect(s.take()?.at).toBe(10);
      expect(s.take()?.at).toBe(110);
    });
  });

  describe('When running live with batches', () => {
    it('hands over up to batchSize ready messages of one kind to one receiver together', () => {
      const s = new Scheduler(1);
      s.configure('Write model', { batchSize: 3 });
      for (let i = 0; i < 5; i += 1) s.send(to('Write model', 'command'));
      s.send(to('A'));
      expect(s.take({ batch: true })?.messages.map((m) => m.id)).toEqual([1, 2, 3]);
      expect(s.take({ batch: true })?.messages.map((m) => m.id)).toEqual([4, 5]);
      expect(s.take({ batch: true })?.messages.map((m) => m.id)).toEqual([6]);
    });
  });

  describe('When a receiver is paused or stopped', () => {
    it('holds its mail and delivers the rest; releasing it loses and reorders nothing', () => {
      const s = new Scheduler(1);
      s.send(to('A'));
      s.send(to('B'));
      s.send(to('A'));
      s.hold('A', 'paused');
      expect(s.take()?.messages[0]?.to).toBe('B');
      expect(s.take()).toBeUndefined();
      expect(s.pendingFor('A')).toBe(2);
      s.hold('A', null);
      expect([s.take()?.messages[0]?.id, s.take()?.messages[0]?.id]).toEqual([1, 3]);
    });
  });

  describe('When reset', () => {
    const sendSome = (s: Scheduler) => {
      s.configure('A', { delayMs: 10, jitterMs: 500 });
      return [s.send(to('A')), s.send(to('A')), s.send(to('A'))];
    };

    it('replays the same delays as a fresh scheduler, while ids keep rising', () => {
      const fresh = sendSome(new Scheduler(7));
      const used = new Scheduler(7);
      sendSome(used);
      used.take();
      used.clear();
      const again = sendSome(used);
      expect(again.map((m) => m.deliverAt)).toEqual(fresh.map((m) => m.deliverAt));
      expect(again.map((m) => m.id)).toEqual([4, 5, 6]);
      expect(used.now).toBe(0);
      expect(ids(used).sort()).toEqual([4, 5, 6]);
    });
  });

  describe('When a delivery is undone', () => {
    it('puts its messages back, withdraws its replies and turns the clock back', () => {
      const s = new Scheduler(7);
      s.configure('A', { delayMs: 20, jitterMs: 10, processingMs: 5 });
      s.send(to('A'));
      s.send(to('A'));
      const queueBefore = JSON.stringify(s.queue());
      const delivery = s.take();
      if (!delivery) throw new Error('nothing due');
      const reply = s.send(to('UI', 'answer'), delivery.at + 5);
      s.undo(delivery, [reply.id]);
      expect(JSON.stringify(s.queue())).toBe(queueBefore);
      expect(s.now).toBe(0);
      // Stepping forward again makes the same choices, reply ids included.
      const again = s.take();
      expect(again?.messages[0]?.id).toBe(delivery.messages[0]?.id);
      expect(s.send(to('UI', 'answer'), (again?.at ?? 0) + 5).id).toBe(reply.id);
    });
  });

  describe('Faults', () => {
    it('drops, duplicates and delays a pending message', () => {
      const s = new Scheduler(1);
      s.send(to('A'));
      s.send(to('A'));
      s.drop(1);
      expect(ids(s)).toEqual([2]);
      const copy = s.duplicate(2);
      expect(ids(s)).toEqual([2, copy?.id]);
      s.delay(2, 1000);
      expect(ids(s)).toEqual([copy?.id, 2]);
      expect(s.queue()[1]?.deliverAt).toBe(1000);
    });
  });

  // A run: inputs are sends at virtual times; the scheduler is driven to completion.
  const inputs = fc.array(
    fc.record({ at: fc.integer({ min: 0, max: 500 }), to: fc.constantFrom('A', 'B', 'C') }),
    { maxLength: 30 },
  );
  const run = (seed: number, sends: { at: number; to: string }[]) => {
    const s = new Scheduler(seed);
    s.configure('A', { delayMs: 20, jitterMs: 30, processingMs: 7 });
    s.configure('B', { delayMs: 5, jitterMs: 100 });
    s.configure('C', { delayMs: 0, jitterMs: 0, processingMs: 40, batchSize: 4 });
    const trace: string[] = [];
    for (const send of [...sends].sort((a, b) => a.at - b.at)) {
      for (
        let d = s.take({ until: send.at, batch: true });
        d;
        d = s.take({ until: send.at, batch: true })
      )
        trace.push(`${d.at}:${d.messages.map((m) => m.id).join(',')}`);
      s.advanceTo(send.at);
      s.send(to(send.to));
    }
    for (let d = s.take({ batch: true }); d; d = s.take({ batch: true }))
      trace.push(`${d.at}:${d.messages.map((m) => m.id).join(',')}`);
    return trace;
  };

  it('gives the same trace for the same seed and inputs', () =>
    fc.assert(
      fc.property(fc.integer(), inputs, (seed, sends) => {
        expect(run(seed, sends)).toEqual(run(seed, sends));
      }),
      { numRuns: 300 },
    ));

  it('delivers every message exactly once, whatever the timings', () =>
    fc.assert(
      fc.property(fc.integer(), inputs, (seed, sends) => {
        const delivered = run(seed, sends).flatMap((t) =>
          (t.split(':')[1] ?? '').split(',').map(Number),
        );
        expect(delivered.sort((a, b) => a - b)).toEqual(sends.map((_, i) => i + 1));
      }),
      { numRuns: 300 },
    ));
});

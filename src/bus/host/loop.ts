// Virtual time. Live, the clock follows real time × speed while there is mail, and the loop hands
// over whatever is due; with nothing in flight the clock rests and the page is told nothing.
// Paused, nothing moves until a step hands over exactly one message.
import { perform, handOver, remember, takeDue } from './delivery';
import type { Host } from './host';
import type { Load } from './load';

const TICK_MS = 16;
/** How often the page hears the clock during a long burst (a few times a second is enough). */
const CLOCK_EVERY_MS = 100;

export const createLoop = (host: Host, load: Load) => {
  const { deps, scheduler } = host;
  let wake: () => void = () => undefined;
  let wakeSignal = new Promise<void>((resolve) => (wake = resolve));
  let looping = false;
  /** When the page was last told the time: a long burst tells it again as it goes. */
  let toldAt = Number.NEGATIVE_INFINITY;
  let lastReal = deps.realNow();
  let resting = false;

  const clock = () => {
    toldAt = deps.realNow();
    host.emit({
      kind: 'clock',
      now: scheduler.now,
      pending: scheduler.queue().length,
      playing: host.playing,
      speed: host.speed,
      history: host.history.length,
    });
  };

  /** Brings a resting clock up to now (before a message is sent at "now"). */
  const syncClock = () => {
    const real = deps.realNow();
    if (host.playing && !resting && Number.isFinite(host.speed))
      scheduler.advanceTo(scheduler.now + (real - lastReal) * host.speed);
    lastReal = real;
  };

  /** Delivers everything ready by `until`; live, it stops as soon as the learner pauses. */
  const deliverDue = async (until: number, whilePlaying = true) => {
    for (;;) {
      const group = takeDue(host, until);
      if (group.length === 0) return;
      const entries = await Promise.all(group.map((delivery) => handOver(host, delivery)));
      // Remembered in the order they were taken, so stepping back undoes them in reverse.
      for (const entry of entries) if (entry) remember(host, entry);
      if (entries.includes(null)) return;
      if (whilePlaying && !host.playing) return;
      // As fast as possible, a burst is one long hand-over: the clock keeps showing it move.
      if (deps.realNow() - toldAt >= CLOCK_EVERY_MS) clock();
    }
  };

  const loop = async () => {
    if (looping) return;
    looping = true;
    lastReal = deps.realNow();
    try {
      while (host.playing) {
        const real = deps.realNow();
        const target =
          host.speed === Number.POSITIVE_INFINITY
            ? host.speed
            : scheduler.now + (real - lastReal) * host.speed;
        lastReal = real;
        await host.serial(async () => {
          if (!host.playing) return;
          load.release(target);
          await deliverDue(target);
          if (Number.isFinite(target)) scheduler.advanceTo(target);
          clock();
        });
        if (!isPlaying()) break;
        if (scheduler.queue().length === 0 && !load.running()) {
          // Nothing in flight: the clock rests until a message or a control wakes the loop.
          resting = true;
          await wakeSignal;
          resting = false;
          lastReal = deps.realNow();
        } else {
          // Mail held for a paused or stopped receiver still ages, so the clock runs, slowly.
          const idle = scheduler.peek() === undefined && !load.running();
          await deps.sleep(idle ? 250 : TICK_MS, wakeSignal);
        }
        wakeSignal = new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      looping = false;
    }
  };

  // Read through a function: the loop's `while` narrows `host.playing`, which an await can change.
  const isPlaying = () => host.playing;

  const kick = () => {
    wake();
    if (host.playing) void loop();
  };

  return {
    clock,
    kick,
    syncClock,
    play: () => {
      if (!host.playing) lastReal = deps.realNow();
      host.playing = true;
      clock();
      kick();
    },
    pause: () =>
      host.serial(() => {
        host.playing = false;
        wake();
        clock();
        return Promise.resolve();
      }),
    setSpeed: (next: number) => {
      host.speed = next;
      clock();
      kick();
    },
    /** Hands over exactly one message (the next due), whatever its time. */
    step: () =>
      host.serial(async () => {
        host.playing = false;
        load.release(scheduler.now);
        const next = scheduler.peek() === undefined ? load.nextAt() : undefined;
        if (next !== undefined) load.release(next);
        const delivery = scheduler.take();
        if (delivery) await perform(host, delivery);
        clock();
        return delivery ? delivery.messages.map((m) => m.id) : [];
      }),
    /** Runs until nothing is pending (tests and scripted scenarios). */
    settle: () =>
      host.serial(async () => {
        load.release(Number.POSITIVE_INFINITY);
        await deliverDue(Number.POSITIVE_INFINITY, false);
        clock();
      }),
  };
};

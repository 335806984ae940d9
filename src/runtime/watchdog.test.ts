import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWatchdogs, watchdog } from './watchdog';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A worker the test answers for by hand. */
const worker = () => {
  const waiting: (() => void)[] = [];
  return {
    ping: vi.fn(() => new Promise<void>((resolve) => waiting.push(resolve))),
    answer: () => {
      for (const resolve of waiting.splice(0)) resolve();
    },
    waiting: () => waiting.length,
  };
};

const start = (w: ReturnType<typeof worker>, onDead: () => void) =>
  watchdog({ ping: w.ping, onDead, everyMs: 1_000, deadAfterMs: 5_000, now: () => Date.now() });

describe('The watchdog', () => {
  it('asks a worker every second while it answers, and never reports it', async () => {
    const w = worker();
    const onDead = vi.fn();
    const stop = start(w, onDead);
    for (let second = 0; second < 30; second += 1) {
      await vi.advanceTimersByTimeAsync(1_000);
      w.answer();
    }
    expect(onDead).not.toHaveBeenCalled();
    expect(w.ping.mock.calls.length).toBeGreaterThanOrEqual(14);
    stop();
  });

  it('asks one question at a time: a slow answer is waited for, not asked again', async () => {
    const w = worker();
    const onDead = vi.fn();
    const stop = start(w, onDead);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(w.ping).toHaveBeenCalledTimes(1);
    w.answer();
    for (let second = 0; second < 8; second += 1) {
      await vi.advanceTimersByTimeAsync(1_000);
      w.answer();
    }
    expect(onDead).not.toHaveBeenCalled();
    stop();
  });

  it('reports a worker that stops answering once, after the question has waited 5 s', async () => {
    const w = worker();
    const onDead = vi.fn();
    start(w, onDead);
    await vi.advanceTimersByTimeAsync(3_000);
    w.answer();
    await vi.advanceTimersByTimeAsync(1_000); // asked again, never answered from here on
    await vi.advanceTimersByTimeAsync(4_000);
    expect(onDead).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(onDead).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(onDead).toHaveBeenCalledTimes(1);
    expect(w.waiting()).toBe(1);
  });

  it('does not judge a worker by a question the page slept through (a hidden or frozen tab)', async () => {
    const w = worker();
    const onDead = vi.fn();
    let clock = 0;
    const stop = watchdog({
      ping: w.ping,
      onDead,
      everyMs: 1_000,
      deadAfterMs: 5_000,
      now: () => clock,
    });
    clock = 1_000;
    await vi.advanceTimersByTimeAsync(1_000); // asks
    clock = 61_000; // the tab slept a minute: the next timer comes that late
    await vi.advanceTimersByTimeAsync(1_000);
    expect(onDead).not.toHaveBeenCalled();
    expect(w.ping).toHaveBeenCalledTimes(2); // asked again instead
    w.answer();
    clock = 62_000;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(onDead).not.toHaveBeenCalled();
    stop();
  });

  it('counts a failed call as no answer', async () => {
    const onDead = vi.fn();
    watchdog({
      ping: () => Promise.reject(new Error('gone')),
      onDead,
      everyMs: 1_000,
      deadAfterMs: 5_000,
      now: () => Date.now(),
    });
    await vi.advanceTimersByTimeAsync(7_000);
    expect(onDead).toHaveBeenCalledTimes(1);
  });

  it('stops asking once stopped', async () => {
    const w = worker();
    const onDead = vi.fn();
    const stop = start(w, onDead);
    await vi.advanceTimersByTimeAsync(1_000);
    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(w.ping).toHaveBeenCalledTimes(1);
    expect(onDead).not.toHaveBeenCalled();
  });
});

describe('The page’s watchdogs', () => {
  it('watch each worker by name, forget one, and after stopAll start no new one', async () => {
    const dogs = createWatchdogs({ everyMs: 1_000, deadAfterMs: 5_000, now: () => Date.now() });
    const bus = worker();
    const view = worker();
    const dead = vi.fn<(name: string) => void>();
    dogs.watch('bus', bus.ping, () => {
      dead('bus');
    });
    dogs.watch('Stock levels', view.ping, () => {
      dead('Stock levels');
    });
    dogs.forget('Stock levels');
    await vi.advanceTimersByTimeAsync(7_000);
    expect(dead.mock.calls).toEqual([['bus']]);
    expect(view.ping).not.toHaveBeenCalled();

    expect(dogs.stopped()).toBe(false);
    dogs.stopAll();
    expect(dogs.stopped()).toBe(true);
    // A call that finishes after the workers were stopped must not start watching again.
    dogs.watch('write model', worker().ping, () => {
      dead('write model');
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(dead.mock.calls).toEqual([['bus']]);
  });

  it('waits longer for a worker given more patience (a whole file checked in one go)', async () => {
    const dogs = createWatchdogs({ everyMs: 1_000, deadAfterMs: 5_000, now: () => Date.now() });
    const dead = vi.fn();
    dogs.watch('write model', worker().ping, dead, { deadAfterMs: 60_000 });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(dead).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(32_000);
    expect(dead).toHaveBeenCalledTimes(1);
    dogs.stopAll();
  });
});

import { describe, expect, it } from 'vitest';
import { createDrain, createSerialQueue } from './serialQueue';

describe('Serial queue', () => {
  it('runs tasks one at a time, in order', async () => {
    const serial = createSerialQueue();
    const log: string[] = [];
    const task = (name: string, ms: number) => () =>
      new Promise<string>((resolve) => {
        log.push(`start ${name}`);
        setTimeout(() => {
          log.push(`end ${name}`);
          resolve(name);
        }, ms);
      });
    const results = await Promise.all([serial(task('a', 20)), serial(task('b', 1))]);
    expect(results).toEqual(['a', 'b']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('keeps going after a task fails', async () => {
    const serial = createSerialQueue();
    const failed = serial(() => Promise.reject(new Error('no')));
    const next = serial(() => Promise.resolve('yes'));
    await expect(failed).rejects.toThrow('no');
    expect(await next).toBe('yes');
  });
});

describe('Drain', () => {
  it('runs once more for the calls that came while it ran, and not once per call', async () => {
    let release: () => void = () => undefined;
    let runs = 0;
    const drain = createDrain(async () => {
      runs += 1;
      if (runs === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const first = drain();
    await Promise.all([drain(), drain()]);
    expect(runs).toBe(1);
    release();
    await first;
    expect(runs).toBe(2);
  });

  it('runs again after a drain that failed', async () => {
    let fail = true;
    const drain = createDrain(() => (fail ? Promise.reject(new Error('no')) : Promise.resolve()));
    await expect(drain()).rejects.toThrow('no');
    fail = false;
    await expect(drain()).resolves.toBeUndefined();
  });
});

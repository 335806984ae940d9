import { describe, expect, it } from 'vitest';
import { createSerialQueue } from './serialQueue';

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

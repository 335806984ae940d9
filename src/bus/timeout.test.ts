import { describe, expect, it, vi } from 'vitest';
import { withProgressTimeout, withTimeout, WorkerTimeoutError } from './timeout';

describe('Calls across a worker boundary', () => {
  it('resolve with the answer when it comes in time', async () =>
    expect(await withTimeout(Promise.resolve(7), 1000, 'The write model')).toBe(7));

  it('fail with a clear error when no answer comes', async () => {
    vi.useFakeTimers();
    const call = withTimeout(new Promise(() => undefined), 5000, 'The write model');
    vi.advanceTimersByTime(5000);
    await expect(call).rejects.toThrow(new WorkerTimeoutError('The write model', 5000));
    await expect(call).rejects.toThrow('The write model did not answer within 5 s');
    vi.useRealTimers();
  });

  it('pass a worker’s own error through', async () =>
    expect(withTimeout(Promise.reject(new Error('boom')), 1000, 'x')).rejects.toThrow('boom'));

  describe('that report progress (a catch-up over a long log)', () => {
    it('are never cut off while progress keeps coming, however long they take', async () => {
      vi.useFakeTimers();
      let finish: (value: string) => void = () => undefined;
      let report: () => void = () => undefined;
      const call = withProgressTimeout(
        (progressed) => {
          report = progressed;
          return new Promise<string>((resolve) => (finish = resolve));
        },
        5000,
        'Order status',
      );
      for (let second = 0; second < 60; second += 4) {
        vi.advanceTimersByTime(4000);
        report();
      }
      finish('caught up');
      await expect(call).resolves.toBe('caught up');
      vi.useRealTimers();
    });

    it('fail once no progress has come for the limit, saying so', async () => {
      vi.useFakeTimers();
      let report: () => void = () => undefined;
      const call = withProgressTimeout(
        (progressed) => {
          report = progressed;
          return new Promise<never>(() => undefined);
        },
        5000,
        'Order status',
      );
      vi.advanceTimersByTime(4000);
      report();
      vi.advanceTimersByTime(4999);
      report();
      vi.advanceTimersByTime(5000);
      await expect(call).rejects.toThrow('Order status reported no progress for 5 s');
      vi.useRealTimers();
    });
  });
});

import { describe, expect, it, vi } from 'vitest';
import { withTimeout, WorkerTimeoutError } from './timeout';

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
});

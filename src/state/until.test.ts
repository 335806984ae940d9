import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { until } from './until';

afterEach(() => vi.useRealTimers());

describe('Waiting for a store', () => {
  it('resolves at once when the state already holds', async () => {
    const store = createStore(() => ({ n: 3 }));
    await expect(until(store, (s) => s.n >= 3)).resolves.toBeUndefined();
  });

  it('resolves when a later state holds, and stops listening', async () => {
    const store = createStore(() => ({ n: 0 }));
    const done = vi.fn();
    void until(store, (s) => s.n >= 2).then(done);
    store.setState({ n: 1 });
    await Promise.resolve();
    expect(done).not.toHaveBeenCalled();
    store.setState({ n: 2 });
    await Promise.resolve();
    expect(done).toHaveBeenCalledOnce();
  });

  it('rejects after its limit with the error made from the state then', async () => {
    vi.useFakeTimers();
    const store = createStore(() => ({ n: 0 }));
    const waiting = until(store, (s) => s.n > 5, {
      ms: 1_000,
      error: (s) => new Error(`still at ${String(s.n)}`),
    });
    store.setState({ n: 4 });
    vi.advanceTimersByTime(1_000);
    await expect(waiting).rejects.toThrow('still at 4');
  });
});

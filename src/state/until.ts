// Waiting for the screen's stores to show something (a reset taken in, a view caught up).
import type { StoreApi } from 'zustand';

/**
 * Resolves once `ready` holds for the store's state, at once if it already does. With `limit`, it
 * rejects after `limit.ms` with the error `limit.error` makes from the state then.
 */
export const until = <S>(
  store: Pick<StoreApi<S>, 'getState' | 'subscribe'>,
  ready: (state: S) => boolean,
  limit?: { ms: number; error: (state: S) => Error },
): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    if (ready(store.getState())) {
      resolve();
      return;
    }
    const timer = limit
      ? setTimeout(() => {
          stop();
          reject(limit.error(store.getState()));
        }, limit.ms)
      : undefined;
    const stop = store.subscribe((state) => {
      if (!ready(state)) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });

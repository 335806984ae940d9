import { useCallback, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import type { StoreApi, UseBoundStore } from 'zustand';
import { nextFrame } from '../runtime/frameBuffer';
import { createPacer } from './pacer';

/** A frame's share of redraws: the rest of the frame is left for style, layout and paint. */
const BUDGET_MS = 6;
/** By default no panel redraws more than five times a second: nobody reads faster than that. */
const DEFAULT_INTERVAL_MS = 200;

const pacer = createPacer({ now: () => performance.now(), nextFrame }, BUDGET_MS);

/**
 * Like zustand's `useStore(selector)`, but the component re-renders when the pacer gives it its
 * turn (see pacer.ts), at most once every `intervalMs`.
 */
export const usePaced = <S, T>(
  store: UseBoundStore<StoreApi<S>>,
  selector: (state: S) => T,
  intervalMs = DEFAULT_INTERVAL_MS,
): T => {
  const subscribe = useCallback(
    (rerender: () => void) => {
      // Each redraw is rendered and committed at once, so the pacer can tell what it cost.
      const redraw = () => {
        flushSync(rerender);
      };
      const unsubscribe = store.subscribe(() => {
        pacer.ask(redraw, intervalMs);
      });
      return () => {
        unsubscribe();
        pacer.forget(redraw);
      };
    },
    [store, intervalMs],
  );
  const read = () => selector(store.getState());
  return useSyncExternalStore(subscribe, read, read);
};

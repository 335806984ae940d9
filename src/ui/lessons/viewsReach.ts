import { useViews } from '../../state/stores';

/** Resolves once every one of `views` has applied the log up to `position`, as their trace says. */
export const viewsReach = (views: readonly string[], position: number, limitMs = 15_000) =>
  new Promise<void>((resolve, reject) => {
    const behind = () =>
      views.filter((view) => (useViews.getState().views[view]?.checkpoint ?? 0) < position);
    if (behind().length === 0) {
      resolve();
      return;
    }
    const timer = setTimeout(() => {
      stop();
      reject(
        new Error(
          `${behind().join(', ')} did not reach #${String(position)} within ${String(limitMs / 1000)} s: is it paused or stopped, or is the simulation paused?`,
        ),
      );
    }, limitMs);
    const stop = useViews.subscribe(() => {
      if (behind().length > 0) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });

import { useViews } from '../../state/stores';
import { until } from '../../state/until';

/** Resolves once every one of `views` has applied the log up to `position`, as their trace says. */
export const viewsReach = (views: readonly string[], position: number, limitMs = 15_000) => {
  const behind = (state: ReturnType<typeof useViews.getState>) =>
    views.filter((view) => (state.views[view]?.checkpoint ?? 0) < position);
  return until(useViews, (state) => behind(state).length === 0, {
    ms: limitMs,
    error: (state) =>
      new Error(
        `${behind(state).join(', ')} did not reach #${String(position)} within ${String(limitMs / 1000)} s: is it paused or stopped, or is the simulation paused?`,
      ),
  });
};

// Trace frames arrive as fast as workers produce them; the screen takes them at most once per
// animation frame. A hidden tab gets no animation frames, so a timer stands in for them there.
export const createFrameBuffer = <T>(flush: (items: T[]) => void, fallbackMs = 100) => {
  let pending: T[] = [];
  let scheduled = false;

  const run = () => {
    scheduled = false;
    const items = pending;
    pending = [];
    if (items.length > 0) flush(items);
  };

  return (items: readonly T[]) => {
    pending.push(...items);
    if (scheduled) return;
    scheduled = true;
    nextFrame(run, fallbackMs);
  };
};

/** Calls back on the next animation frame, or after `fallbackMs` in a hidden tab (it gets none). */
export const nextFrame = (callback: () => void, fallbackMs = 100): void => {
  if (typeof document !== 'undefined' && document.visibilityState === 'visible')
    requestAnimationFrame(() => {
      callback();
    });
  else setTimeout(callback, fallbackMs);
};

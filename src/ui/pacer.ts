/**
 * During a burst every store changes on every animation frame. If every panel repainted in the same
 * frame, that frame would be one long task and the page would stutter. Heavy panels therefore take
 * their updates through a pacer: on each frame it redraws waiting panels one after another, in the
 * order they asked, until it has spent its budget; and no panel redraws more often than its interval.
 * When little changes (a step), every panel updates on the next frame; under a burst each panel
 * updates a few times a second and no frame draws them all.
 */
export type Pacer = {
  /** Asks for a redraw; asking again while waiting keeps the place in the queue. */
  ask: (redraw: () => void, intervalMs: number) => void;
  forget: (redraw: () => void) => void;
  waiting: () => number;
};

export type PacerClock = {
  now: () => number;
  /** Calls back on the next frame (requestAnimationFrame, or a timer in a hidden tab). */
  nextFrame: (callback: () => void) => void;
};

export const createPacer = (clock: PacerClock, budgetMs: number): Pacer => {
  const waiting = new Map<() => void, number>();
  const lastTurn = new WeakMap<() => void, number>();
  let scheduled = false;

  const turn = () => {
    scheduled = false;
    const start = clock.now();
    for (const [redraw, interval] of waiting) {
      if (start - (lastTurn.get(redraw) ?? -Infinity) < interval) continue;
      waiting.delete(redraw);
      lastTurn.set(redraw, start);
      redraw();
      if (clock.now() - start > budgetMs) break;
    }
    if (waiting.size > 0) schedule();
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    clock.nextFrame(turn);
  };

  return {
    ask: (redraw, intervalMs) => {
      if (!waiting.has(redraw)) waiting.set(redraw, intervalMs);
      schedule();
    },
    forget: (redraw) => {
      waiting.delete(redraw);
    },
    waiting: () => waiting.size,
  };
};

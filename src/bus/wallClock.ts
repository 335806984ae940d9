/** Real time in ms since the epoch: comparable across workers, unlike performance.now(). */
export const wallClock = (): number => performance.timeOrigin + performance.now();

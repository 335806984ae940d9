// The Speed slider's stops: slow motion to ten times real time, then as fast as possible.
export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, Number.POSITIVE_INFINITY] as const;

export const speedLabel = (speed: number): string =>
  Number.isFinite(speed) ? `${speed}×` : 'As fast as possible';

export const speedIndex = (speed: number): number => {
  const index = SPEEDS.findIndex((s) => s === speed);
  return index < 0 ? SPEEDS.indexOf(1) : index;
};

/** `t=1.250 s · 3 pending`, as the UI contract spells it. */
export const describeClock = (nowMs: number, pending: number): string =>
  `t=${(nowMs / 1000).toFixed(3)} s · ${pending.toLocaleString('en-US')} pending`;

import { useEffect, useState } from 'react';
import { useClock } from '../../state/stores';

/** The learner asked for less motion: tokens jump between places instead of gliding. */
export const prefersReducedMotion = () =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * The virtual time to draw at: the bus's last clock reading, carried forward at the current speed
 * between readings so tokens glide. With reduced motion, tokens jump from reading to reading.
 */
export const useVirtualNow = (animate: boolean): number => {
  const { now, playing, speed, receivedAt } = useClock();
  const [frameTime, setFrameTime] = useState(0);
  const glide = animate && playing && Number.isFinite(speed) && !prefersReducedMotion();

  useEffect(() => {
    if (!glide) return;
    let handle = requestAnimationFrame(function tick(t) {
      setFrameTime(t);
      handle = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(handle);
  }, [glide]);

  // Never run more than a quarter of a second ahead of the last reading.
  return glide ? now + Math.min(250, Math.max(0, frameTime - receivedAt)) * speed : now;
};

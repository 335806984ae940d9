// A part of the page that is large to load (recharts, the code editor) and not on the first screen
// is fetched when it comes near the screen (a phone scrolls a long way to reach it), or once the
// page has been idle for a while if it never does.
import { useEffect, useState, type RefObject } from 'react';

/** How near the screen the panel may come before its content is fetched. */
const NEAR = '600px';
/** A page left open loads it anyway, so it is there when the learner scrolls. */
const IDLE_MS = 10_000;

/** True once `ref` has come near the viewport, or the page has been idle for IDLE_MS. */
export const useNeeded = (ref: RefObject<HTMLElement | null>) => {
  const [needed, setNeeded] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (needed || !el) return;
    if (typeof IntersectionObserver === 'undefined') {
      const timer = setTimeout(() => setNeeded(true), 0);
      return () => clearTimeout(timer);
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNeeded(true);
      },
      { rootMargin: NEAR },
    );
    observer.observe(el);
    const timer = setTimeout(() => {
      if (typeof requestIdleCallback === 'undefined') setNeeded(true);
      else requestIdleCallback(() => setNeeded(true));
    }, IDLE_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [ref, needed]);
  return needed;
};

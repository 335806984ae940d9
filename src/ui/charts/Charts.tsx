import { lazy, Suspense, useEffect, useRef, useState, type RefObject } from 'react';

// recharts is large; the first screen does not wait for it, nor does the page's start-up work:
// the charts are fetched and drawn when their panel comes near the screen (a phone scrolls a
// long way to reach it), or once the page has been idle for a while if it never does.
const ChartsContent = lazy(() => import('./ChartsContent'));

/** How near the screen the panel may come before the charts are fetched. */
const NEAR = '600px';
/** A page left open loads them anyway, so they are there when the learner scrolls. */
const IDLE_MS = 10_000;

/** True once `ref` has come near the viewport, or the page has been idle for IDLE_MS. */
const useNeeded = (ref: RefObject<HTMLElement | null>) => {
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

export const Charts = () => {
  const [open, setOpen] = useState(true);
  const panel = useRef<HTMLElement>(null);
  const needed = useNeeded(panel);
  const loading = <p className="muted">Loading charts…</p>;
  return (
    <section aria-label="Charts" className="panel charts" ref={panel}>
      <h2>
        Charts{' '}
        <button
          type="button"
          className="small"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'Hide charts' : 'Show charts'}
        </button>
      </h2>
      <p className="explain">
        Lag and throughput over virtual time, from the same trace as the timeline.
      </p>
      {open &&
        (needed ? (
          <Suspense fallback={loading}>
            <ChartsContent />
          </Suspense>
        ) : (
          loading
        ))}
    </section>
  );
};

import { lazy, Suspense, useEffect, useState } from 'react';

// recharts is large; the first screen does not wait for it, nor does the page's start-up work:
// the charts are fetched and drawn once the page is idle (within 2 s at the latest).
const ChartsContent = lazy(() => import('./ChartsContent'));

/** True once the browser has had an idle moment since the first render. */
const useIdle = () => {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (typeof requestIdleCallback === 'undefined') {
      const timer = setTimeout(() => setIdle(true), 0);
      return () => clearTimeout(timer);
    }
    const handle = requestIdleCallback(() => setIdle(true), { timeout: 2_000 });
    return () => cancelIdleCallback(handle);
  }, []);
  return idle;
};

export const Charts = () => {
  const [open, setOpen] = useState(true);
  const idle = useIdle();
  const loading = <p className="muted">Loading charts…</p>;
  return (
    <section aria-label="Charts" className="panel charts">
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
        (idle ? (
          <Suspense fallback={loading}>
            <ChartsContent />
          </Suspense>
        ) : (
          loading
        ))}
    </section>
  );
};

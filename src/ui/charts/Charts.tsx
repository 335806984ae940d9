import { lazy, Suspense, useRef, useState } from 'react';
import { useNeeded } from '../useNeeded';

// recharts is large; the first screen does not wait for it, nor does the page's start-up work:
// the charts are fetched and drawn when their panel comes near the screen (a phone scrolls a
// long way to reach it), or once the page has been idle for a while if it never does.
const ChartsContent = lazy(() => import('./ChartsContent'));

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

import { lazy, Suspense, useState } from 'react';

// recharts is large; the first screen does not wait for it.
const ChartsContent = lazy(() => import('./ChartsContent'));

export const Charts = () => {
  const [open, setOpen] = useState(true);
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
      {open && (
        <Suspense fallback={<p className="muted">Loading charts…</p>}>
          <ChartsContent />
        </Suspense>
      )}
    </section>
  );
};

import { lazy, Suspense, useRef } from 'react';
import { useNeeded } from '../useNeeded';

// The code editor is large: fetched when the panel comes near the screen (see useNeeded).
const ProjectionWorkbench = lazy(() => import('./ProjectionWorkbench'));

/** A projection the learner writes: their code, replayed over the log in a worker of its own. */
export const YourProjection = () => {
  const panel = useRef<HTMLElement>(null);
  const needed = useNeeded(panel);
  const loading = <p className="muted">Loading the code editor…</p>;
  return (
    <section aria-label="Your projection" className="panel your-projection" ref={panel}>
      <h2>Your projection</h2>
      <p className="explain">
        Write a projection of your own: the state its view starts from, and what each event does to
        it. Run it to replay the whole event log into it from #1; follow the log to go on applying
        events after they are appended, so it may be a few behind. Unlike the built-in views, it
        reads the log itself rather than the bus, and keeps its view only in this page, with no
        stored checkpoint.
      </p>
      {needed ? <Suspense fallback={loading}>{<ProjectionWorkbench />}</Suspense> : loading}
    </section>
  );
};

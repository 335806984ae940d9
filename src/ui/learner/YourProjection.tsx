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
        Write a view of your own: a state to start from and what each event does to it. Run it to
        replay the event log into it from the first event; follow the log to apply each new event as
        it is appended, as the built-in views do.
      </p>
      {needed ? <Suspense fallback={loading}>{<ProjectionWorkbench />}</Suspense> : loading}
    </section>
  );
};

import type { ViewPhase } from '../../bus/protocol';
import { describeFreshness } from '../../state/views';

type FreshnessProps = {
  checkpoint: number;
  head: number;
  phase: ViewPhase;
  progress: { done: number; total: number } | undefined;
  /** Events applied twice since the view was last built (see ViewState). */
  reapplied: number;
};

/** How far a view trails the log, in the words of the UI contract. */
export const Freshness = ({ checkpoint, head, phase, progress, reapplied }: FreshnessProps) => {
  // A view known to be wrong never looks healthy, however fresh.
  const fresh = phase === 'running' && checkpoint >= head && reapplied === 0;
  return (
    <p role="status" className={`freshness ${fresh ? 'fresh' : 'stale'}`}>
      {describeFreshness(checkpoint, head, phase, progress, reapplied)}
    </p>
  );
};

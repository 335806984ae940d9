import type { ViewPhase } from '../../bus/trace';
import { describeFreshness } from '../../state/views';

type FreshnessProps = {
  checkpoint: number;
  head: number;
  phase: ViewPhase;
  progress: { done: number; total: number } | undefined;
};

/** How far a view trails the log, in the words of the UI contract. */
export const Freshness = ({ checkpoint, head, phase, progress }: FreshnessProps) => {
  const fresh = phase === 'running' && checkpoint >= head;
  return (
    <p role="status" className={`freshness ${fresh ? 'fresh' : 'stale'}`}>
      {describeFreshness(checkpoint, head, phase, progress)}
    </p>
  );
};

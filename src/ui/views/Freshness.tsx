import { describeFreshness } from '../../state/views';

/** How far a view trails the log, in the words of the UI contract. */
export const Freshness = ({ checkpoint, head }: { checkpoint: number; head: number }) => (
  <p role="status" className={checkpoint >= head ? 'fresh' : 'stale'}>
    {describeFreshness(checkpoint, head)}
  </p>
);

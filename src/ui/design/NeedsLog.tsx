// A panel that needs the event log: in a design that keeps none, it stays in its place and says
// why it has nothing to show, instead of vanishing.
import type { ReactNode } from 'react';
import { useSettings } from '../../state/settings';
import { DESIGN_NAMES, noLogIn } from './designText';

export const NeedsLog = ({
  label,
  className,
  does,
  children,
}: {
  /** The panel's name (its region's accessible name and heading). */
  label: string;
  className: string;
  /** What the panel does with the log, one sentence. */
  does: string;
  children: ReactNode;
}) => {
  const design = useSettings((s) => s.design);
  if (design === 'event-sourced') return children;
  return (
    <section aria-label={label} className={`panel ${className}`}>
      <h2>{label}</h2>
      <p className="explain">
        {does} {noLogIn(design)}. Choose “{DESIGN_NAMES['event-sourced']}” above to use it.
      </p>
    </section>
  );
};

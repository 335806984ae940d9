import { DUPLICATE_CHECK_LABEL } from '../../lessons/chapters/demos';
import { useState } from 'react';
import { useViews } from '../../state/stores';
import { usePaced } from '../paced';
import { useControls, useRuntime } from '../runtimeContext';
import { counted } from '../counted';

const VIEW = 'Stock levels';

/** Chapter 8's switch: let Stock levels apply whatever it is handed, duplicates included. */
export const DuplicateCheck = () => {
  const runtime = useRuntime();
  const controls = useControls();
  const view = usePaced(useViews, (s) => s.views[VIEW]);
  const stored = view?.duplicateCheck ?? true;
  // The switch answers the click at once; the view's own report follows a moment later.
  const [asked, setAsked] = useState<boolean | null>(null);
  if (asked !== null && asked === stored) setAsked(null);
  const on = asked ?? stored;
  const reapplied = view?.reapplied ?? 0;
  return (
    <div className="workbench" role="group" aria-label="Duplicate check">
      <label>
        <input
          type="checkbox"
          checked={on}
          disabled={!runtime}
          onChange={(event) => {
            setAsked(event.target.checked);
            void controls.setDuplicateCheck(VIEW, event.target.checked);
          }}
        />{' '}
        {DUPLICATE_CHECK_LABEL}
      </label>
      <p className="muted" role="status">
        {reapplied > 0
          ? `${VIEW} has applied ${counted(reapplied, 'event')} twice: its counts are now wrong. Rebuild ${VIEW} to repair it from the log.`
          : on
            ? 'With the check on, an event that arrives twice is skipped the second time.'
            : 'Check off: an event that arrives twice will be applied twice.'}
      </p>
    </div>
  );
};

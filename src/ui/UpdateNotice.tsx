import { useState } from 'react';
import { useUpdate } from '../state/update';

/** Offers the newer version of the lab once its files are stored; the learner's log is kept. */
export const UpdateNotice = () => {
  const apply = useUpdate((s) => s.apply);
  const [updating, setUpdating] = useState(false);
  if (!apply) return null;
  return (
    <p role="status" className="banner">
      A new version of CQRS Lab is ready. Your event log, your progress and your projection’s code
      are kept.{' '}
      <button
        type="button"
        className="small"
        disabled={updating}
        onClick={() => {
          setUpdating(true);
          void apply();
        }}
      >
        Reload to update
      </button>
    </p>
  );
};

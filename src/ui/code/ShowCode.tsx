// A button that opens the app's own code for something the learner selected, below it.
import { useState } from 'react';
import { CodeThatRan } from './CodeThatRan';
import type { CodeRequest } from '../../code/codeFor';

export const ShowCode = ({ label, request }: { label: string; request: CodeRequest }) => {
  const [open, setOpen] = useState(false);
  return (
    <div className="show-code">
      <button
        type="button"
        className="small"
        aria-expanded={open}
        onClick={() => setOpen((was) => !was)}
      >
        {label}
      </button>
      {open && <CodeThatRan request={request} />}
    </div>
  );
};

// Says each step in words, politely, for screen-reader users following the story step by step.
import { useStepNews } from '../../state/stores';
import { describeStep } from './stepWords';

export const StepAnnouncer = () => {
  const { news, count } = useStepNews();
  // The same words twice (two identical steps) must still be heard twice: the text changes by a
  // trailing no-break space every other step.
  const text = news ? `${describeStep(news)}${count % 2 === 0 ? '' : '\u00a0'}` : '';
  return (
    <p role="status" aria-label="Last step" aria-live="polite" className="visually-hidden">
      {text}
    </p>
  );
};

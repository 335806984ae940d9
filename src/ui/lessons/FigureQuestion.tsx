import { useState } from 'react';
import { reportActivity } from '../../state/lessons';
import { ChoiceForm } from './ChoiceForm';

type FigureQuestionProps = {
  question: string;
  choices: readonly string[];
  /** The choice the figures on screen support (computed from this run, never fixed). */
  right: number;
  /** What the figures were, said once the learner has answered right. */
  figures: string;
  /** Reported as `<activity>:right` when answered right: the chapter's check watches for it. */
  activity: string;
};

/**
 * A question about what the learner's own machine just measured: the chapter counts it done only
 * once the figures were read, not when a button was pressed. A new run asks again.
 */
export const FigureQuestion = ({
  question,
  choices,
  right,
  figures,
  activity,
}: FigureQuestionProps) => {
  const [chosen, setChosen] = useState<number | null>(null);
  const [answered, setAnswered] = useState<'right' | 'wrong' | null>(null);
  return (
    <ChoiceForm
      label="What your machine measured"
      legend={question}
      choices={choices}
      chosen={chosen}
      onChoose={(choice) => {
        setChosen(choice);
        setAnswered(null);
      }}
      submitLabel="Check my reading"
      onSubmit={(choice) => {
        const isRight = choice === right;
        setAnswered(isRight ? 'right' : 'wrong');
        if (isRight) reportActivity(`${activity}:right`);
      }}
    >
      {answered && (
        <p
          role="status"
          className={`feedback ${answered === 'right' ? 'feedback-ok' : 'feedback-refused'}`}
        >
          {answered === 'right'
            ? `Right: ${figures}`
            : 'That is not what this run shows: look at the table again, and try once more.'}
        </p>
      )}
    </ChoiceForm>
  );
};

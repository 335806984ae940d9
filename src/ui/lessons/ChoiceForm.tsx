import { useId, type ReactNode } from 'react';

type ChoiceFormProps = {
  /** The form's accessible name. */
  label: string;
  legend: ReactNode;
  choices: readonly string[];
  chosen: number | null;
  onChoose: (choice: number) => void;
  submitLabel: string;
  onSubmit: (choice: number) => void;
  /** Once committed, a choice stays as it is. */
  disabled?: boolean;
  /** What the form says back, below the choices. */
  children?: ReactNode;
};

/** One question, one answer to pick, and a button to commit it (a prediction, a reading). */
export const ChoiceForm = ({
  label,
  legend,
  choices,
  chosen,
  onChoose,
  submitLabel,
  onSubmit,
  disabled = false,
  children,
}: ChoiceFormProps) => {
  const name = useId();
  return (
    <form
      className="prediction"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen !== null) onSubmit(chosen);
      }}
    >
      <fieldset disabled={disabled}>
        <legend>{legend}</legend>
        {choices.map((choice, i) => (
          <label key={choice} className="choice">
            <input type="radio" name={name} checked={chosen === i} onChange={() => onChoose(i)} />{' '}
            {choice}
          </label>
        ))}
        <button type="submit" disabled={chosen === null}>
          {submitLabel}
        </button>
      </fieldset>
      {children}
    </form>
  );
};

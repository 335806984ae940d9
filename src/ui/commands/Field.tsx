import { useId, type InputHTMLAttributes } from 'react';

type FieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  /** Values offered as you type (from a read view); any text may still be entered. */
  suggestions?: readonly string[] | undefined;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id' | 'list'>;

/** A labelled text box whose error is announced and tied to it with aria-describedby. */
export const Field = ({ label, value, onChange, error, suggestions, ...input }: FieldProps) => {
  const id = useId();
  const errorId = `${id}-error`;
  const listId = `${id}-list`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        autoComplete="off"
        {...input}
        id={id}
        value={value}
        list={suggestions ? listId : undefined}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      {suggestions && (
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
      {error && (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      )}
    </div>
  );
};

import { useId, useState, type InputHTMLAttributes } from 'react';
import type { ViewName } from '../../domain/views';
import { useViewKeys } from './suggestions';

type FieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  /** Offer this read view's keys as you type; any text may still be entered. */
  suggest?: ViewName | undefined;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id' | 'list'>;

/** A labelled text box whose error is announced and tied to it with aria-describedby. */
export const Field = ({ label, value, onChange, error, suggest, ...input }: FieldProps) => {
  const id = useId();
  // The picker follows its view only while the box has focus: a burst does not redraw every form.
  const [focused, setFocused] = useState(false);
  const suggestions = useViewKeys(focused ? suggest : undefined);
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
        list={suggest ? listId : undefined}
        onFocus={(event) => {
          setFocused(true);
          input.onFocus?.(event);
        }}
        onBlur={(event) => {
          setFocused(false);
          input.onBlur?.(event);
        }}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      {suggest && (
        <datalist id={listId}>
          {suggestions?.map((s) => (
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

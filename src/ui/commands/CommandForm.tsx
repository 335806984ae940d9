import { useId, useState, type SyntheticEvent } from 'react';
import type { z } from 'zod';
import type { ViewName } from '../../domain/views';
import type { CommandInput } from '../../runtime/runtime';
import { CommandFeedback } from './CommandFeedback';
import { Field } from './Field';
import { numberFromText, parseForm } from './formParsing';
import { useCommandForm } from './useCommandForm';

export type FieldSpec = {
  name: string;
  label: string;
  placeholder: string;
  numeric?: boolean;
  /** Offer the keys of this read view as suggestions. */
  suggest?: ViewName;
};

type CommandFormProps<D> = {
  title: string;
  fields: readonly FieldSpec[];
  schema: z.ZodType<D>;
  toCommand: (data: D) => CommandInput;
  /** Values the app fills in itself, such as a new id. */
  generated?: () => Record<string, string>;
};

/** One command as a form: fields checked with the command's own schema, then sent to the write model. */
export const CommandForm = <D,>({
  title,
  fields,
  schema,
  toCommand,
  generated,
}: CommandFormProps<D>) => {
  const titleId = useId();
  const blank = () => Object.fromEntries(fields.map((f) => [f.name, '']));
  const [values, setValues] = useState<Record<string, string>>(blank);
  const { send, showInvalid, feedback, fieldErrors, busy, ready } = useCommandForm();

  const onSubmit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = Object.fromEntries(
      fields.map((f) => {
        const text = values[f.name] ?? '';
        return [f.name, f.numeric ? numberFromText(text) : text];
      }),
    );
    const parsed = parseForm(schema, { ...input, ...generated?.() });
    if (!parsed.ok) {
      showInvalid(parsed.errors);
      return;
    }
    const submitted = values;
    // Cleared on success, unless the learner has started typing the next one meanwhile.
    if (await send(toCommand(parsed.value)))
      setValues((current) => (current === submitted ? blank() : current));
  };

  return (
    <form
      aria-labelledby={titleId}
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      className="command"
    >
      <h3 id={titleId}>{title}</h3>
      <div className="fields">
        {fields.map((spec) => (
          <Field
            key={spec.name}
            label={spec.label}
            placeholder={spec.placeholder}
            inputMode={spec.numeric ? 'decimal' : undefined}
            suggest={spec.suggest}
            value={values[spec.name] ?? ''}
            onChange={(value) => setValues((current) => ({ ...current, [spec.name]: value }))}
            error={fieldErrors[spec.name]}
          />
        ))}
        <button type="submit" disabled={busy || !ready}>
          {title}
        </button>
      </div>
      <CommandFeedback feedback={feedback} />
    </form>
  );
};

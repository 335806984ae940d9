import { useState, type SyntheticEvent } from 'react';
import { z } from 'zod';
import { useLoad } from '../../state/stores';
import { Field } from '../commands/Field';
import { numberFromText, parseForm } from '../commands/formParsing';
import { useControls, useRuntime } from '../runtimeContext';
import { noteWork } from '../../state/lessons';
import { noteUnrecorded } from '../../state/session';

const loadSchema = z.object({
  perSecond: z
    .number({ error: 'Rate must be a number' })
    .int('Rate must be a whole number')
    .min(1, 'Rate must be at least 1 per second')
    .max(2_000, 'Rate must be at most 2,000 per second'),
  readShare: z
    .number({ error: 'Reads must be a number' })
    .min(0, 'Reads cannot be below 0 %')
    .max(100, 'Reads cannot be above 100 %'),
  seconds: z
    .number({ error: 'Duration must be a number' })
    .min(1, 'Duration must be at least 1 s')
    .max(60, 'Duration must be at most 60 s'),
});

/** Drives a steady workload through the real system, so lag can be watched building and draining. */
export const LoadPanel = () => {
  const runtime = useRuntime();
  const controls = useControls();
  const { running, sent, total } = useLoad();
  const [fields, setFields] = useState({ perSecond: '200', readShare: '20', seconds: '5' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (name: keyof typeof fields) => (value: string) =>
    setFields((f) => ({ ...f, [name]: value }));

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (running) {
      void controls.stopLoad();
      return;
    }
    const parsed = parseForm(loadSchema, {
      perSecond: numberFromText(fields.perSecond),
      readShare: numberFromText(fields.readShare),
      seconds: numberFromText(fields.seconds),
    });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    noteWork();
    noteUnrecorded('load generator');
    void controls.startLoad({ ...parsed.value, readShare: parsed.value.readShare / 100 });
  };

  return (
    <form aria-label="Load" noValidate className="panel load" onSubmit={onSubmit}>
      <h2>Load</h2>
      <p className="explain">
        Orders and Stock levels queries at a steady rate (in virtual time) on products LOAD-1…5.
        Watch the lag build up in the charts and drain when the load stops.
      </p>
      <div className="fields">
        <Field
          label="Per second"
          value={fields.perSecond}
          onChange={set('perSecond')}
          error={errors.perSecond}
          inputMode="numeric"
        />
        <Field
          label="Reads (%)"
          value={fields.readShare}
          onChange={set('readShare')}
          error={errors.readShare}
          inputMode="numeric"
        />
        <Field
          label="Seconds"
          value={fields.seconds}
          onChange={set('seconds')}
          error={errors.seconds}
          inputMode="numeric"
        />
        <button type="submit" disabled={!runtime}>
          {running ? 'Stop load' : 'Run load'}
        </button>
      </div>
      {total > 0 && (
        <p role="status" className="muted">
          {running ? 'Running' : 'Done'}: {sent.toLocaleString('en-US')} of{' '}
          {total.toLocaleString('en-US')} messages sent
        </p>
      )}
    </form>
  );
};

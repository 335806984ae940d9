import { useId, useState, type SyntheticEvent } from 'react';
import { placeOrderData } from '../../domain/shop/commands';
import { CommandFeedback } from './CommandFeedback';
import { Field } from './Field';
import { numberFromText, parseForm } from './formParsing';
import { newId } from './suggestions';
import { useCommandForm } from './useCommandForm';

type Line = { sku: string; quantity: string };
const MAX_LINES = 20;

const lineLabel = (label: string, index: number) =>
  index === 0 ? label : `${label} (line ${index + 1})`;

export const PlaceOrderForm = () => {
  const titleId = useId();
  const [lines, setLines] = useState<Line[]>([{ sku: '', quantity: '1' }]);
  const { send, showInvalid, feedback, fieldErrors, busy, ready } = useCommandForm();

  const setLine = (index: number, change: Partial<Line>) =>
    setLines((current) => current.map((line, i) => (i === index ? { ...line, ...change } : line)));

  const onSubmit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseForm(placeOrderData, {
      orderId: newId('ORD'),
      lines: lines.map((line) => ({ sku: line.sku, quantity: numberFromText(line.quantity) })),
    });
    if (!parsed.ok) {
      showInvalid(parsed.errors);
      return;
    }
    await send({ type: 'PlaceOrder', data: parsed.value });
  };

  return (
    <form
      aria-labelledby={titleId}
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      className="command"
    >
      <h3 id={titleId}>Place order</h3>
      {lines.map((line, index) => (
        <div className="fields order-line" key={index}>
          <Field
            label={lineLabel('SKU', index)}
            value={line.sku}
            onChange={(sku) => setLine(index, { sku })}
            error={fieldErrors[`lines.${index}.sku`]}
            placeholder="e.g. SKU-1"
            suggest="Stock levels"
          />
          <Field
            label={lineLabel('Quantity', index)}
            value={line.quantity}
            onChange={(quantity) => setLine(index, { quantity })}
            error={fieldErrors[`lines.${index}.quantity`]}
            inputMode="numeric"
          />
          {index > 0 && (
            <button
              type="button"
              className="secondary"
              onClick={() => setLines((current) => current.filter((_, i) => i !== index))}
            >
              Remove line {index + 1}
            </button>
          )}
        </div>
      ))}
      {fieldErrors.lines && <p className="field-error">{fieldErrors.lines}</p>}
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={lines.length >= MAX_LINES}
          onClick={() => setLines((current) => [...current, { sku: '', quantity: '1' }])}
        >
          Add line
        </button>
        <button type="submit" disabled={busy || !ready}>
          Place order
        </button>
      </div>
      <CommandFeedback feedback={feedback} />
    </form>
  );
};

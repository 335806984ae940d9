import { useId, useState, type SyntheticEvent } from 'react';
import { addProductData } from '../../domain/shop/commands';
import { CommandFeedback } from './CommandFeedback';
import { Field } from './Field';
import { numberFromText, parseForm } from './formParsing';
import { useCommandForm } from './useCommandForm';

const blank = { sku: '', name: '', price: '', stock: '' };

export const AddProductForm = () => {
  const titleId = useId();
  const [fields, setFields] = useState(blank);
  const { send, showInvalid, feedback, fieldErrors, busy, ready } = useCommandForm();
  const set = (name: keyof typeof blank) => (value: string) =>
    setFields((current) => ({ ...current, [name]: value }));

  const onSubmit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseForm(addProductData, {
      sku: fields.sku,
      name: fields.name,
      price: numberFromText(fields.price),
      stock: numberFromText(fields.stock),
    });
    if (!parsed.ok) {
      showInvalid(parsed.errors);
      return;
    }
    if (await send({ type: 'AddProduct', data: parsed.value })) setFields(blank);
  };

  return (
    <form
      aria-labelledby={titleId}
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      className="command"
    >
      <h3 id={titleId}>Add product</h3>
      <div className="fields">
        <Field
          label="SKU"
          value={fields.sku}
          onChange={set('sku')}
          error={fieldErrors.sku}
          placeholder="e.g. SKU-1"
          autoComplete="off"
        />
        <Field
          label="Name"
          value={fields.name}
          onChange={set('name')}
          error={fieldErrors.name}
          placeholder="e.g. Blue mug"
          autoComplete="off"
        />
        <Field
          label="Price"
          value={fields.price}
          onChange={set('price')}
          error={fieldErrors.price}
          inputMode="decimal"
          placeholder="e.g. 12.50"
        />
        <Field
          label="Stock"
          value={fields.stock}
          onChange={set('stock')}
          error={fieldErrors.stock}
          inputMode="numeric"
          placeholder="e.g. 10"
        />
      </div>
      <button type="submit" disabled={busy || !ready}>
        Add product
      </button>
      <CommandFeedback feedback={feedback} />
    </form>
  );
};

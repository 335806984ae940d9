import { describe, expect, it } from 'vitest';
import { placeOrderData } from '../../domain/shop/commands';
import { numberFromText, parseForm, toFieldErrors } from './formParsing';

describe('Form text to command data', () => {
  it.each([
    ['', undefined],
    ['  ', undefined],
    ['3', 3],
    ['-3', -3],
    ['1.5', 1.5],
  ])('reads %j as %j', (text, value) => expect(numberFromText(text)).toBe(value));

  it('reads words as NaN, which the schema then refuses', () =>
    expect(numberFromText('three')).toBeNaN());

  it('reports the first message per field', () =>
    expect(
      parseForm(placeOrderData, {
        orderId: 'ORD-1',
        lines: [{ sku: 'bad sku', quantity: numberFromText('-3') }],
      }),
    ).toEqual({
      ok: false,
      errors: {
        'lines.0.sku': 'SKU may contain only letters, digits, - and _ (for example SKU-1)',
        'lines.0.quantity': 'Quantity must be at least 1',
      },
    }));

  it('maps the write model’s paths onto form fields', () =>
    expect(toFieldErrors([{ path: 'data.lines.0.quantity', message: 'm' }], 'data.')).toEqual({
      'lines.0.quantity': 'm',
    }));
});

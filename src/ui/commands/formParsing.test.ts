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
    [' 12.50 ', 12.5],
    ['.5', 0.5],
    ['007', 7],
  ])('reads %j as %j', (text, value) => expect(numberFromText(text, '.')).toBe(value));

  it.each([
    'three',
    '0x10',
    '1e3',
    '1E3',
    '0b11',
    '0o7',
    'Infinity',
    '1,000',
    '1_000',
    '+3',
    '--3',
    '1.2.3',
    '٣',
  ])('refuses %j (NaN, which the schema refuses with the form it expects)', (text) =>
    expect(numberFromText(text, '.')).toBeNaN(),
  );

  it('takes the locale’s decimal comma, and still the point', () => {
    expect(numberFromText('12,50', ',')).toBe(12.5);
    expect(numberFromText('12.50', ',')).toBe(12.5);
    expect(numberFromText('1,000', '.')).toBeNaN();
  });

  it('says which form a number is expected in', () => {
    const refused = parseForm(placeOrderData, {
      orderId: 'ORD-1',
      lines: [{ sku: 'SKU-1', quantity: numberFromText('0x10', '.') }],
    });
    expect(refused).toEqual({
      ok: false,
      errors: { 'lines.0.quantity': 'Quantity must be a number written in digits, like 3' },
    });
  });

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

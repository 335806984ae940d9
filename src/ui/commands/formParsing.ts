// Form fields arrive as text; they are turned into a command's data and checked with the same zod
// schemas the write model uses, so the learner sees a specific message next to the field.
import type { z } from 'zod';
import type { FieldIssue } from '../../domain/validation';

export type FieldErrors = Record<string, string>;

/** The decimal point of the learner's locale ("." or ","). */
const localeDecimal = (): string =>
  new Intl.NumberFormat().formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';

/**
 * Empty text is "missing" (undefined); a plain decimal number in digits (an optional minus, a
 * point or the locale's decimal mark) is that number; anything else is NaN, which the schema refuses
 * with the form it expects. `Number(text)` would take `0x10` as 16 and `1e3` as 1000: a learner who
 * typed those meant something else.
 */
export const numberFromText = (text: string, decimal = localeDecimal()): number | undefined => {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const point = decimal === '.' ? trimmed : trimmed.replace(decimal, '.');
  return /^-?(\d+(\.\d*)?|\.\d+)$/.test(point) ? Number(point) : Number.NaN;
};

/** The first message per field path, e.g. `lines.0.quantity`. */
export const toFieldErrors = (issues: readonly FieldIssue[], prefix = ''): FieldErrors => {
  const errors: FieldErrors = {};
  for (const { path, message } of issues) {
    const key = prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path;
    errors[key] ??= message;
  }
  return errors;
};

export const parseForm = <T>(
  schema: z.ZodType<T>,
  input: unknown,
): { ok: true; value: T } | { ok: false; errors: FieldErrors } => {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    errors: toFieldErrors(
      result.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    ),
  };
};

// Form fields arrive as text; they are turned into a command's data and checked with the same zod
// schemas the write model uses, so the learner sees a specific message next to the field.
import type { z } from 'zod';
import type { FieldIssue } from '../../domain/validation';

export type FieldErrors = Record<string, string>;

/** Empty text is "missing" (undefined), anything else a number (NaN if it is not one). */
export const numberFromText = (text: string): number | undefined =>
  text.trim() === '' ? undefined : Number(text);

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

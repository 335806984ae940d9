// Field shapes shared by every domain's commands, with messages written for the learner.
import { z } from 'zod';
import { hasAtMostTwoDecimals } from './money';

/**
 * Names every JavaScript object already answers to ("constructor", "toString"…). Ids key the
 * state, the views and the screen's stores; none of them should mistake a built-in for a row.
 */
const RESERVED_IDS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

export const identifier = (label: string, example: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(32, `${label} must be at most 32 characters`)
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9_-]*$/,
      `${label} may contain only letters, digits, - and _ (for example ${example})`,
    )
    .refine((id) => !RESERVED_IDS.has(id), {
      error: (issue) =>
        `${label} cannot be “${String(issue.input)}”: that name is reserved, choose another`,
    });

/**
 * A number. A form field whose text is not a plain decimal number arrives as NaN (formParsing.ts):
 * its message shows the form expected, `example`.
 */
export const numberField = (label: string, example = '3') =>
  z.number({
    error: (issue) =>
      issue.input === undefined || issue.input === null
        ? `${label} is required`
        : Number.isNaN(issue.input)
          ? `${label} must be a number written in digits, like ${example}`
          : `${label} must be a number`,
  });

/** An amount of money: more than 0, at most a million, whole cents. */
export const moneySchema = (label: string) =>
  numberField(label, '12.50')
    .gt(0, `${label} must be greater than 0`)
    .max(1_000_000, `${label} must be at most 1,000,000`)
    .refine(hasAtMostTwoDecimals, `${label} may have at most 2 decimal places`);

export const wholeNumber = (label: string, min: number, max: number) =>
  numberField(label)
    .int(`${label} must be a whole number`)
    .min(min, min === 0 ? `${label} cannot be negative` : `${label} must be at least ${min}`)
    .max(max, `${label} must be at most ${max.toLocaleString('en-US')}`);

/**
 * Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069): invisible, they reorder the
 * text around them, so "\u202Egum eulB" is shown as "Blue mug".
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

export const textField = (label: string, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`)
    .refine((text) => !BIDI_CONTROLS.test(text), {
      error: `${label} may not contain invisible characters that reverse the text's direction (U+202A–U+202E, U+2066–U+2069): they make it read as something else`,
    });

export const commandMetaSchema = z.object({
  commandId: z.string().min(1).max(100),
  issuedAt: z.iso.datetime({ offset: true }),
  /** Optimistic concurrency: the versions of streams as the sender read them. */
  expectedVersions: z
    .record(z.string().min(1).max(100), z.number().int().min(0).max(Number.MAX_SAFE_INTEGER))
    .optional(),
});

/** A command envelope: its type, its validated data and who sent it when. */
export const commandOf = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.object({ type: z.literal(type), data, meta: commandMetaSchema });

// Turns zod's findings into field-level messages a learner can act on.
import type { z } from 'zod';

export type FieldIssue = { path: string; message: string };

export const fieldIssues = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));

export const summarizeIssues = (issues: readonly FieldIssue[]): string =>
  issues.map((issue) => issue.message).join('; ');

/** Zod's issues, each with the field it is about (for a whole stored record, whose messages do not name it). */
export const withPaths = (error: Pick<z.ZodError, 'issues'>): string =>
  error.issues
    .map((issue) => `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`)
    .join('; ');

// Turns zod's findings into field-level messages a learner can act on.
import type { z } from 'zod';

export type FieldIssue = { path: string; message: string };

export const fieldIssues = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));

export const summarizeIssues = (issues: readonly FieldIssue[]): string =>
  issues.map((issue) => issue.message).join('; ');

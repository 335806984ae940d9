/** The version a writer expects a stream to be at: a number, none yet, or any. */
export type ExpectedVersion = number | 'no-stream' | 'any';

/** Someone else wrote to the stream since we read it: our decision was taken on stale state. */
export class ConcurrencyError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(
      `Stream ${streamId} has changed: expected ${describeExpected(expected)}, but it is at version ${actual}`,
    );
    this.name = 'ConcurrencyError';
  }
}

const describeExpected = (expected: ExpectedVersion): string =>
  expected === 'no-stream'
    ? 'no stream yet'
    : expected === 'any'
      ? 'any version'
      : `version ${expected}`;

/** IndexedDB refused a row because a unique index already holds its key. */
export const isConstraintError = (error: unknown): boolean =>
  error instanceof Error && (error.name === 'ConstraintError' || error.name === 'BulkError');

/** IndexedDB refused a write for lack of space (Dexie may wrap it in an aborted transaction). */
export const isQuotaError = (error: unknown): boolean => {
  for (let e: unknown = error; e instanceof Error; e = (e as { inner?: unknown }).inner)
    if (e.name === 'QuotaExceededError') return true;
  return false;
};

import type { ExpectedVersion } from './append';

/** Someone else wrote to the stream since we read it: our decision was taken on stale state. */
export class ConcurrencyError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    /** The stream's version when we looked, if known. */
    readonly actual: number | undefined,
  ) {
    super(
      `Stream ${streamId} has changed: expected ${describeExpected(expected)}, but it is at ${actual === undefined ? 'a newer version' : `version ${actual}`}`,
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

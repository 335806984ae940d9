import { describe, expect, it } from 'vitest';
import { buildActivity } from './versioningBench';

const view = (over: Partial<Parameters<typeof buildActivity>[0]> = {}) => ({
  rows: [],
  position: 10,
  head: 10,
  stopped: null,
  upcaster: true,
  ...over,
});

describe('What a build of Sales by currency reports', () => {
  it('a stop, wherever it happened', () => {
    const stopped = { position: 1, revision: 1 as const, reason: 'no currency' };
    expect(buildActivity(view({ stopped, position: 0 }), new Set([1, 2]))).toBe('upcast:stopped');
  });
  it('a build over both revisions only when it reached the head', () => {
    expect(buildActivity(view(), new Set([1, 2]))).toBe('upcast:built');
    expect(buildActivity(view({ position: 9 }), new Set([1, 2]))).toBe('upcast:built-one');
  });
  it('a build over one revision as not the point', () => {
    expect(buildActivity(view(), new Set([1]))).toBe('upcast:built-one');
  });
});

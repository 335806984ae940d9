import { describe, expect, it } from 'vitest';
import { applySnapshot, describeFreshness, emptyView } from './views';

describe('Freshness line', () => {
  it('says up to date when the checkpoint has reached the head', () =>
    expect(describeFreshness(42, 42)).toBe('Up to date at #42'));

  it('says how far behind a view is', () =>
    expect(describeFreshness(39, 42)).toBe('3 behind: at #39, head #42'));

  it('groups large numbers', () =>
    expect(describeFreshness(0, 12_000)).toBe('12,000 behind: at #0, head #12000'));

  it('never reports a negative lag', () =>
    expect(describeFreshness(5, 3)).toBe('Up to date at #5'));

  // Seen: a green "Up to date at #6" right above "2 events applied twice: these rows are wrong".
  it('never calls a view that applied events twice simply up to date', () => {
    expect(describeFreshness(6, 6, 'running', undefined, 2)).toBe(
      'Up to date at #6 · 2 applied twice: rebuild',
    );
    expect(describeFreshness(4, 6, 'paused', undefined, 1)).toBe(
      'Paused at #4 · 1 applied twice: rebuild',
    );
  });
});

describe('A view on screen', () => {
  const snapshot = applySnapshot(emptyView(), {
    rows: [
      { key: 'a', value: 1 },
      { key: 'b', value: 2 },
    ],
    checkpoint: 4,
    head: 6,
  });

  it('takes its rows from a snapshot', () =>
    expect(snapshot).toMatchObject({
      rows: { a: 1, b: 2 },
      checkpoint: 4,
      head: 6,
      lastChanged: [],
      loaded: true,
    }));
});

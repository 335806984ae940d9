import { describe, expect, it } from 'vitest';
import { CHAPTERS, chapterById } from './chapters';
import { BASIC_SCRIPTS } from './testing/basicScripts';
import { PRACTICE_SCRIPTS } from './testing/practiceScripts';

const SCRIPTS = { ...BASIC_SCRIPTS, ...PRACTICE_SCRIPTS };

describe('The chapters', () => {
  it('have unique ids that can be written in a link', () => {
    const ids = CHAPTERS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]{1,60}$/);
  });

  it('are numbered in increasing order', () => {
    const numbers = CHAPTERS.map((c) => c.number);
    for (const [i, n] of numbers.entries()) {
      expect(Number.isInteger(n)).toBe(true);
      if (i > 0) expect(n).toBeGreaterThan(numbers[i - 1] ?? Infinity);
    }
    expect(numbers[0]).toBeGreaterThanOrEqual(1);
  });

  it('are found by their ids, and nothing else is', () => {
    for (const chapter of CHAPTERS) expect(chapterById(chapter.id)).toBe(chapter);
    expect(chapterById('sagas')).toBeUndefined();
    expect(chapterById('')).toBeUndefined();
  });

  it('are each played by a script here', () =>
    expect(Object.keys(SCRIPTS).sort()).toEqual(CHAPTERS.map((c) => c.id).sort()));
});

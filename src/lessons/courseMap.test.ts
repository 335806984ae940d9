// The course map groups every chapter once, in reading order, and says how far the learner got.
import { describe, expect, it } from 'vitest';
import { CHAPTERS } from './chapters';
import { CATALOGUE, CHAPTER_TOPICS } from './chapters/catalogue';
import { chapterState, firstUnfinished } from './progress';

describe('The course map', () => {
  it('holds every chapter exactly once, topics and chapters in reading order', () => {
    const listed = CHAPTER_TOPICS.flatMap((topic) => topic.chapters);
    expect(listed.map((c) => c.number)).toEqual(CHAPTERS.map((c) => c.number));
    for (const topic of CHAPTER_TOPICS) expect(topic.chapters.length).toBeGreaterThan(0);
  });

  it('is the catalogue of the chapters themselves: the same chapters, in the same order, with the same names and parts', () => {
    expect(
      CHAPTERS.map(({ id, number, title, goal, parts }) => ({ id, number, title, goal, parts })),
    ).toEqual(CATALOGUE);
    expect(CHAPTERS.map((c) => c.number)).toEqual(CHAPTERS.map((_, i) => i + 1));
  });

  it('tells done from opened from untouched', () => {
    expect(chapterState('rebuild', ['rebuild'], ['rebuild'])).toBe('done');
    expect(chapterState('rebuild', [], ['rebuild'])).toBe('in progress');
    expect(chapterState('rebuild', ['stale-read'], ['stale-read'])).toBe('not started');
  });

  it('continues with the first chapter not done, whatever order the others were done in', () => {
    expect(firstUnfinished([])?.number).toBe(1);
    const allBut4 = CHAPTERS.filter((c) => c.number !== 4).map((c) => c.id);
    expect(firstUnfinished(allBut4)?.number).toBe(4);
    expect(firstUnfinished(CHAPTERS.map((c) => c.id))).toBeUndefined();
  });
});

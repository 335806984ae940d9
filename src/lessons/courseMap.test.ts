// The course map groups every chapter once, in reading order, and says how far the learner got.
import { describe, expect, it } from 'vitest';
import { CHAPTERS, CHAPTER_TOPICS } from './chapters';
import { chapterState, firstUnfinished } from './progress';

describe('The course map', () => {
  it('holds every chapter exactly once, topics and chapters in reading order', () => {
    const listed = CHAPTER_TOPICS.flatMap((topic) => topic.chapters);
    expect(listed.map((c) => c.number)).toEqual(CHAPTERS.map((c) => c.number));
    for (const topic of CHAPTER_TOPICS) expect(topic.chapters.length).toBeGreaterThan(0);
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

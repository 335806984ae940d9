import { describe, expect, it } from 'vitest';
import { VIEW_NAMES } from '../domain/views';
import { CHAPTERS, chapterById } from './chapters';
import type { LabPart } from './types';
import { BASIC_SCRIPTS } from './testing/basicScripts';
import { PRACTICE_SCRIPTS } from './testing/practiceScripts';
import { PRODUCTION_SCRIPTS } from './testing/productionScripts';

const SCRIPTS = { ...BASIC_SCRIPTS, ...PRACTICE_SCRIPTS, ...PRODUCTION_SCRIPTS };

/** Where the lab's named controls live (a chapter that names one must show its part). */
const NAMED_IN: readonly (readonly [string, LabPart])[] = [
  ['Place order', 'Commands'],
  ['Change price', 'Commands'],
  ['Ask Stock levels', 'Stock levels'],
  ['Kill Stock levels', 'Stock levels'],
  ['Restart Stock levels', 'Stock levels'],
  ['Ask Product search', 'Product search'],
  ['Rebuild Product search', 'Product search'],
  ['Resume Product search', 'Product search'],
  ['Event log', 'Event log'],
  ['Start time travel', 'Time travel'],
  ['Time travel position', 'Time travel'],
];

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

  it.each(CHAPTERS.map((c) => [c.number, c] as const))(
    'chapter %s shows each part it uses once, the views of its own domain, and something to work with',
    (_, chapter) => {
      expect(new Set(chapter.parts).size).toBe(chapter.parts.length);
      const bank = chapter.scenario.domain === 'bank';
      for (const view of VIEW_NAMES)
        if (chapter.parts.includes(view)) expect(view === 'Account balances').toBe(bank);
      // A chapter without a workbench of its own works on the lab's parts.
      if (!chapter.workbench) expect(chapter.parts.length).toBeGreaterThan(0);
      // A control it names on the lab is in a part it shows.
      for (const [control, part] of NAMED_IN)
        if (chapter.highlight.some((name) => name.startsWith(control)))
          expect(chapter.parts, control).toContain(part);
    },
  );

  it('are found by their ids, and nothing else is', () => {
    for (const chapter of CHAPTERS) expect(chapterById(chapter.id)).toBe(chapter);
    expect(chapterById('sagas')).toBeUndefined();
    expect(chapterById('')).toBeUndefined();
  });

  it.each(CHAPTERS.map((c) => [c.number, c] as const))(
    'chapter %s states its goal first and ends on a takeaway with an "In production" note',
    (_, chapter) => {
      expect(chapter.goal).toMatch(/^After this chapter you can (explain|tell|say|see) /);
      expect(chapter.goal.trim().split(/(?<=[.!?])\s+/)).toHaveLength(1);
      // Two sentences to keep, and what real systems do differently.
      expect(chapter.takeaway.text.trim().split(/(?<=[.!?])\s+(?=[A-Z])/)).toHaveLength(2);
      expect(chapter.takeaway.inProduction.length).toBeGreaterThan(40);
      expect(chapter.text.length).toBeLessThanOrEqual(3);
    },
  );

  it('never give a prediction away: its answer is not in the goal or the story above it', () => {
    for (const chapter of CHAPTERS) {
      const above = [chapter.goal, ...chapter.text].join(' ').toLowerCase();
      const answer = chapter.prediction.choices[chapter.prediction.answer] ?? '';
      expect(answer, `chapter ${String(chapter.number)}`).not.toBe('');
      expect(above, `chapter ${String(chapter.number)}`).not.toContain(answer.toLowerCase());
    }
  });

  it('are each played by a script here', () =>
    expect(Object.keys(SCRIPTS).sort()).toEqual(CHAPTERS.map((c) => c.id).sort()));
});

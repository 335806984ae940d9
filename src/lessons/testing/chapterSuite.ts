// The specs every chapter must pass, played by its script: one suite shared by each group's file.
import { describe, expect, it } from 'vitest';
import { labCommandSchema, labDomain } from '../../domain/lab';
import { runCheck } from '../checks';
import type { Chapter } from '../types';
import type { Script, Scripts } from './script';

/** What the write model appends for the chapter's history: type and stream of each event. */
const historyOf = (chapter: Chapter) => {
  let state = labDomain.initialState();
  return chapter.scenario.history.flatMap((input, i) => {
    const command = labCommandSchema.parse({
      ...input,
      meta: { commandId: `c${i}`, issuedAt: '2026-01-01T00:00:00.000Z' },
    });
    const events = labDomain.decide(command, state);
    state = events.reduce(labDomain.evolve, state);
    return events.map((e) => ({ type: e.type, streamId: labDomain.streamOf(e) }));
  });
};

/** Checks each of `chapters` against the script in `scripts` that plays it. */
export const describeChapters = (chapters: readonly Chapter[], scripts: Scripts) => {
  const scriptOf = (chapter: Chapter): Script => {
    const script = scripts[chapter.id];
    if (!script) throw new Error(`No script plays the chapter ${chapter.id}`);
    return script();
  };

  describe.each(chapters.map((chapter) => [chapter.id, chapter] as const))(
    'Chapter %s',
    (_, chapter) => {
      it('starts from the log its history writes', () => {
        const { start } = scriptOf(chapter);
        expect(start.events.map(({ type, streamId }) => ({ type, streamId }))).toEqual(
          historyOf(chapter),
        );
        expect(start.events.map((e) => e.position)).toEqual(start.events.map((_e, i) => i + 1));
        expect(start.head).toBe(start.events.length);
      });

      it('is not done on its starting state', () => {
        const { start } = scriptOf(chapter);
        expect(runCheck(chapter.check, [start])).toBe(false);
        expect(runCheck(chapter.check, [start, { ...start }])).toBe(false);
      });

      it('is done once the learner has done the task', () => {
        const { start, task } = scriptOf(chapter);
        expect(runCheck(chapter.check, [start, ...task])).toBe(true);
      });

      it('is not done before the last step of the task', () => {
        const { start, task } = scriptOf(chapter);
        expect(runCheck(chapter.check, [start, ...task.slice(0, -1)])).toBe(false);
      });

      it.each(Object.keys(scripts[chapter.id]?.().nearMisses ?? {}))(
        'is not done when %s',
        (name) => {
          const attempt = scriptOf(chapter).nearMisses[name] ?? [];
          expect(attempt.length).toBeGreaterThan(1);
          expect(runCheck(chapter.check, attempt)).toBe(false);
        },
      );

      it.each(scripts[chapter.id]?.().hidden ?? [])(
        'does not reveal its prediction when %s',
        (name) => {
          const attempt = scriptOf(chapter).nearMisses[name] ?? [];
          expect(attempt.length).toBeGreaterThan(1);
          expect(runCheck(chapter.prediction.revealWhen, attempt)).toBe(false);
        },
      );

      it('has near misses to tell the task apart from', () =>
        expect(Object.keys(scriptOf(chapter).nearMisses).length).toBeGreaterThan(0));

      describe('its prediction', () => {
        const { prediction } = chapter;

        it('gives an answer that is one of its choices', () => {
          expect(Number.isInteger(prediction.answer)).toBe(true);
          expect(prediction.answer).toBeGreaterThanOrEqual(0);
          expect(prediction.answer).toBeLessThan(prediction.choices.length);
        });

        it('offers at least two distinct choices', () => {
          expect(prediction.choices.length).toBeGreaterThanOrEqual(2);
          expect(new Set(prediction.choices).size).toBe(prediction.choices.length);
        });

        it('is not revealed on the starting state', () => {
          const { start } = scriptOf(chapter);
          expect(runCheck(prediction.revealWhen, [start])).toBe(false);
          expect(runCheck(prediction.revealWhen, [start, { ...start }])).toBe(false);
        });

        it('is revealed by doing the task', () => {
          const { start, task } = scriptOf(chapter);
          expect(runCheck(prediction.revealWhen, [start, ...task])).toBe(true);
        });
      });
    },
  );
};

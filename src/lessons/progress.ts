// Which chapters the learner has completed, kept in the browser. Whatever is stored is checked:
// unknown or malformed entries are ignored rather than trusted.
import { z } from 'zod';
import { CATALOGUE } from './chapters/catalogue';

export const PROGRESS_KEY = 'cqrs-lab:lessons-done';

const entries = z.array(z.unknown()).max(1_000);

export const readProgress = (text: string | null): string[] => {
  if (text === null) return [];
  try {
    const parsed = entries.safeParse(JSON.parse(text));
    if (!parsed.success) return [];
    const known = new Set(CATALOGUE.map((c) => c.id));
    const ids = parsed.data.filter((id): id is string => typeof id === 'string' && known.has(id));
    return [...new Set(ids)];
  } catch {
    return [];
  }
};

export const withDone = (done: readonly string[], id: string): string[] =>
  done.includes(id) ? [...done] : [...done, id];

/** The chapters the learner has opened, kept beside those done. */
export const STARTED_KEY = 'cqrs-lab:lessons-started';

export type ChapterState = 'not started' | 'in progress' | 'done';

export const chapterState = (
  id: string,
  done: readonly string[],
  started: readonly string[],
): ChapterState =>
  done.includes(id) ? 'done' : started.includes(id) ? 'in progress' : 'not started';

/** The first chapter, in reading order, that is not done; undefined when all are. */
export const firstUnfinished = (done: readonly string[]) =>
  CATALOGUE.find((chapter) => !done.includes(chapter.id));

// The guided lessons: what each chapter says, the scenario it loads, the prediction it asks for and
// the check that marks it done. The text is ours; where there is a trade-off, both sides are stated.
import type { Chapter } from '../types';
import { BASICS } from './basics';
import { PRACTICE } from './practice';
import { PRODUCTION } from './production';

export const CHAPTERS: readonly Chapter[] = [...BASICS, ...PRACTICE, ...PRODUCTION];

export const chapterById = (id: string): Chapter | undefined => CHAPTERS.find((c) => c.id === id);

/** The course map: the chapters grouped by what they are about, in reading order. */
const TOPICS: readonly { title: string; ids: readonly string[] }[] = [
  {
    title: 'Commands, events and views',
    ids: ['commands-and-queries', 'events-are-facts', 'projections'],
  },
  { title: 'Consistency', ids: ['stale-read', 'read-your-writes', 'optimistic-concurrency'] },
  { title: 'Running a log', ids: ['rebuild', 'failure-and-catch-up', 'time-travel'] },
  { title: 'Choosing a design', ids: ['without-cqrs', 'when-not-to-use-cqrs'] },
  {
    title: 'Living with a growing log',
    ids: ['snapshots', 'upcasting', 'blue-green'],
  },
  {
    title: 'Across aggregates and services',
    ids: ['process-manager', 'consistency-boundaries', 'outbox'],
  },
];

export const CHAPTER_TOPICS: readonly { title: string; chapters: readonly Chapter[] }[] =
  TOPICS.map(({ title, ids }) => ({
    title,
    chapters: ids.flatMap((id) => chapterById(id) ?? []),
  }));

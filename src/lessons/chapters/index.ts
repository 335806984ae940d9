// The guided lessons: what each chapter says, the scenario it loads, the prediction it asks for and
// the check that marks it done. The text is ours; where there is a trade-off, both sides are stated.
import type { Chapter } from '../types';
import { BASICS } from './basics';
import { PRACTICE } from './practice';
import { PRODUCTION } from './production';

/** Every chapter in full, in the catalogue's order (catalogue.ts holds what the page needs at once). */
export const CHAPTERS: readonly Chapter[] = [...BASICS, ...PRACTICE, ...PRODUCTION];

export const chapterById = (id: string): Chapter | undefined => CHAPTERS.find((c) => c.id === id);

// Chapter 14's bench, as the chapter names it: its controls, and what each answer reports to the
// chapter's check.
import type { Asked } from '../projection/blueGreen';

export const BLUE_GREEN_LABELS = {
  inPlace: 'Rebuild Stock levels in place',
  beside: 'Build version 2 beside version 1',
  ask: 'Ask about SKU-1',
  cutOver: 'Cut over to version 2',
  drop: 'Drop version 1',
} as const;

/** The product the bench asks about. */
export const ASKED_SKU = 'SKU-1';

/**
 * What one answer showed: it waited for a rebuild in place, or version 1 answered while version 2
 * was being built beside it, or neither.
 */
export const askActivity = (asked: Asked): string =>
  asked.duringInPlace
    ? 'bluegreen:waited'
    : asked.duringBeside && asked.servedBy === 1
      ? 'bluegreen:answered-while-building'
      : 'bluegreen:answered';

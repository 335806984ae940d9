// Reading the figures the learner's own machine measured: a chapter asks which is lower, and the
// right answer is whatever this run shows (within a margin that one run's noise can cross).

export type Lower = 'first' | 'second' | 'either';

/** Which of two measured times is lower, or 'either' when they are within `margin` of the higher. */
export const lowerOf = (first: number | null, second: number | null, margin = 0.1): Lower => {
  if (first === null || second === null) return 'either';
  const higher = Math.max(first, second);
  if (higher === 0 || Math.abs(first - second) <= margin * higher) return 'either';
  return first < second ? 'first' : 'second';
};

/** The choices of a "which design was sooner here?" question, in the order `lowerOf` answers. */
export const SOONER_CHOICES = [
  'The single model',
  'The split design',
  'About the same (within 10%)',
] as const;

export const soonerChoice = (single: number | null, split: number | null): number =>
  ({ first: 0, second: 1, either: 2 })[lowerOf(single, split)];

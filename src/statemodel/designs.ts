// The four designs the lab can run: the names the code and the page share.
export const DESIGN_IDS = [
  'one-model',
  'same-transaction',
  'after-commit',
  'event-sourced',
] as const;
export type DesignId = (typeof DESIGN_IDS)[number];

/** Each design as the learner sees it named (the Design switch's options). */
export const DESIGN_NAMES: Record<DesignId, string> = {
  'one-model': 'One model (no CQRS)',
  'same-transaction': 'CQRS, views in the same transaction',
  'after-commit': 'CQRS, views updated after commit',
  'event-sourced': 'CQRS with event sourcing',
};

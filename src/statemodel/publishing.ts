// Chapter 17's three ways of saving an order and telling the warehouse, without storage: the page
// names them, the orders service's worker runs them (dualWrite.ts).
/** The three ways the orders service can save an order and tell the warehouse. */
export const PUBLISHING = ['write-then-publish', 'publish-then-write', 'outbox'] as const;
export type Publishing = (typeof PUBLISHING)[number];

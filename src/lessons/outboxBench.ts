// Chapter 17's bench, as the chapter names it: its controls, and what each order came to, read
// from the orders service's database and the warehouse's, and reported to the chapter's check.
import type { Pick, Publishing } from '../statemodel/dualWrite';

export const OUTBOX_LABELS = {
  publishing: 'How the orders service publishes',
  ways: {
    'write-then-publish': 'Write, then publish',
    'publish-then-write': 'Publish, then write',
    outbox: 'Outbox and relay',
  } satisfies Record<Publishing, string>,
  crashService: 'Crash the orders service after its first step',
  crashRelay: 'Crash the relay after it publishes',
  place: 'Place an order for 1 × SKU-1',
} as const;

/** What the crash of the service does, in each way of publishing: its first step, and what is left undone. */
export const FIRST_STEP: Record<Publishing, string> = {
  'write-then-publish': 'after saving the order, before publishing its message',
  'publish-then-write': 'after publishing the message, before saving the order',
  outbox:
    'after the one transaction that saves the order and its outbox row, before it nudges the relay',
};

/** An order the learner placed, as the page asked for it. */
export type Attempt = {
  orderId: string;
  publishing: Publishing;
  crash: boolean;
  /** The service answered, or died before it could (the watchdog started it again). */
  outcome: 'waiting' | 'answered' | 'died';
};

/** What the two databases say of one order. */
export type Found = {
  saved: boolean;
  pick: Pick | undefined;
  inOutbox: 'waiting' | 'published' | null;
};

export type Verdict = { text: string; activity: string | null };

/** What became of an order, from what both services' databases hold now. */
export const verdictOf = (attempt: Attempt, { saved, pick, inOutbox }: Found): Verdict => {
  const died = attempt.outcome === 'died';
  if (saved && pick)
    return pick.deliveries > 1
      ? {
          text: `Saved, and the warehouse picks it: its message was delivered ${String(pick.deliveries)} times and applied once`,
          activity: 'outbox:twice',
        }
      : {
          text: 'Saved, and the warehouse picks it: the two agree',
          activity: died ? 'outbox:survived' : attempt.crash ? null : 'outbox:agreed',
        };
  if (saved)
    return inOutbox === 'waiting'
      ? { text: 'Saved; its message waits in the outbox for the relay', activity: null }
      : died
        ? {
            text: 'Lost: saved, but its message was never published, and nothing records that one is owed',
            activity: 'outbox:lost',
          }
        : { text: 'Saved; its message is not published yet', activity: null };
  if (pick)
    return died
      ? {
          text: 'Phantom: the warehouse picks an order that was never saved',
          activity: 'outbox:phantom',
        }
      : { text: 'Published; the order is not saved yet', activity: null };
  return died
    ? { text: 'Neither saved nor published', activity: null }
    : { text: 'Under way', activity: null };
};

// What the dual-write bench says of an order, from what the two databases hold: a lost message and
// a phantom only once the service has died, and a message delivered twice only when it was.
import { describe, expect, it } from 'vitest';
import { verdictOf, type Attempt, type Found } from './outboxBench';

const attempt = (over: Partial<Attempt> = {}): Attempt => ({
  orderId: 'ORD-1',
  publishing: 'write-then-publish',
  crash: false,
  outcome: 'answered',
  ...over,
});
const pick = (deliveries: number) => ({
  orderId: 'ORD-1',
  messageId: 'OrderPlaced-ORD-1',
  sku: 'SKU-1',
  quantity: 1,
  deliveries,
});
const found = (over: Partial<Found> = {}): Found => ({
  saved: false,
  pick: undefined,
  inOutbox: null,
  ...over,
});

describe('What became of an order', () => {
  it('is agreement when both hold it once and nothing crashed', () => {
    expect(verdictOf(attempt(), found({ saved: true, pick: pick(1) }))).toEqual({
      text: 'Saved, and the warehouse picks it: the two agree',
      activity: 'outbox:agreed',
    });
  });

  it('is a lost message only once the service died with the order saved and unpublished', () => {
    const died = attempt({ crash: true, outcome: 'died' });
    expect(verdictOf(died, found({ saved: true })).activity).toBe('outbox:lost');
    expect(verdictOf(attempt({ crash: true, outcome: 'waiting' }), found({ saved: true }))).toEqual(
      { text: 'Saved; its message is not published yet', activity: null },
    );
    // Waiting in the outbox is a message owed, not one lost.
    expect(
      verdictOf({ ...died, publishing: 'outbox' }, found({ saved: true, inOutbox: 'waiting' }))
        .activity,
    ).toBeNull();
  });

  it('is a phantom only once the service died with the message published and the order unsaved', () => {
    const died = attempt({ publishing: 'publish-then-write', crash: true, outcome: 'died' });
    expect(verdictOf(died, found({ pick: pick(1) })).activity).toBe('outbox:phantom');
    expect(
      verdictOf({ ...died, outcome: 'waiting' }, found({ pick: pick(1) })).activity,
    ).toBeNull();
  });

  it('is a message delivered twice and applied once when the warehouse counted two deliveries', () => {
    expect(
      verdictOf(
        attempt({ publishing: 'outbox' }),
        found({ saved: true, pick: pick(2), inOutbox: 'published' }),
      ),
    ).toEqual({
      text: 'Saved, and the warehouse picks it: its message was delivered 2 times and applied once',
      activity: 'outbox:twice',
    });
  });

  it('is a crash survived when the outbox delivered the order of a service that died', () => {
    expect(
      verdictOf(
        attempt({ publishing: 'outbox', crash: true, outcome: 'died' }),
        found({ saved: true, pick: pick(1), inOutbox: 'published' }),
      ).activity,
    ).toBe('outbox:survived');
  });
});

import { describe, expect, it } from 'vitest';
import { UI, WRITE_MODEL } from '../bus/messages';
import type { TraceFrame } from '../bus/trace';
import type { CommandOutcome } from '../workers/outcome';
import { createReplies } from './replies';

const outcome: CommandOutcome = { status: 'rejected', commandId: 'cmd-1', reason: 'No such SKU' };

const sent = (id: number, payload: unknown): TraceFrame => ({
  kind: 'sent',
  message: {
    id,
    kind: 'outcome',
    from: WRITE_MODEL,
    to: UI,
    causationId: null,
    payload,
    sentAt: 0,
    deliverAt: 10,
  },
});

describe('Replies', () => {
  it('hands a command its outcome when the outcome message is delivered to the UI', async () => {
    const replies = createReplies();
    const waiting = replies.outcomeOf('cmd-1');
    replies.observe([sent(4, outcome), { kind: 'delivered', ids: [4], at: 10, to: UI }]);
    await expect(waiting).resolves.toEqual(outcome);
  });

  it('tells everyone still waiting why no reply will come when the bus is gone', async () => {
    const replies = createReplies();
    const command = replies.outcomeOf('cmd-1');
    const query = replies.answerTo(9);
    replies.observe([sent(4, outcome)]); // sent, never delivered
    replies.fail(new Error('the bus stopped answering'));
    await expect(command).rejects.toThrow('the bus stopped answering');
    await expect(query).rejects.toThrow('the bus stopped answering');
    // A delivery frame arriving late resolves nothing (and throws nothing).
    replies.observe([{ kind: 'delivered', ids: [4], at: 10, to: UI }]);
  });
});

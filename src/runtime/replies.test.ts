import { describe, expect, it } from 'vitest';
import { UI, WRITE_MODEL, type TraceFrame, type CommandOutcome } from '../bus/protocol';
import { createReplies, DroppedByResetError } from './replies';

const outcome: CommandOutcome = { status: 'rejected', commandId: 'cmd-1', reason: 'No such SKU' };

const sent = (id: number, payload: CommandOutcome): TraceFrame => ({
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

  const request = (id: number, kind: 'command' | 'query', commandId = 'cmd-1'): TraceFrame => ({
    kind: 'sent',
    message: {
      id,
      from: UI,
      causationId: null,
      sentAt: 0,
      deliverAt: 10,
      ...(kind === 'command'
        ? {
            kind,
            to: WRITE_MODEL,
            payload: {
              type: 'Restock',
              data: { sku: 'SKU-1', quantity: 1 },
              meta: { commandId, issuedAt: '2026-01-01T00:00:00.000Z' },
            },
          }
        : { kind, to: 'Stock levels', payload: { query: { kind: 'all' } } }),
    },
  });

  // Seen: a query asked just before a chapter loaded sat at "Asking…" for ever.
  it('tells a command and a query still on their way that a reset dropped them', async () => {
    const replies = createReplies();
    const command = replies.outcomeOf('cmd-1');
    replies.observe([request(1, 'command'), request(2, 'query')]);
    const query = replies.answerTo(2);
    replies.observe([{ kind: 'reset' }]);
    await expect(command).rejects.toBeInstanceOf(DroppedByResetError);
    await expect(query).rejects.toThrow('the log was reset while it was on its way');
  });

  it('does not drop a command sent after the reset, even if its waiter was registered first', async () => {
    const replies = createReplies();
    const command = replies.outcomeOf('cmd-1');
    replies.observe([{ kind: 'reset' }, request(5, 'command')]);
    replies.observe([sent(6, outcome), { kind: 'delivered', ids: [6], at: 10, to: UI }]);
    await expect(command).resolves.toEqual(outcome);
  });

  it('says so at once when a request is dropped on its way, unless a copy of it still travels', async () => {
    const replies = createReplies();
    const dropped = replies.outcomeOf('cmd-1');
    const copied = replies.outcomeOf('cmd-2');
    replies.observe([
      request(1, 'command', 'cmd-1'),
      request(2, 'command', 'cmd-2'),
      request(3, 'command', 'cmd-2'), // a duplicate of #2
      { kind: 'dropped', ids: [1, 2] },
    ]);
    await expect(dropped).rejects.toThrow('message #1 was dropped on its way');
    const second: CommandOutcome = { ...outcome, commandId: 'cmd-2' };
    replies.observe([sent(4, second), { kind: 'delivered', ids: [4], at: 10, to: UI }]);
    await expect(copied).resolves.toEqual(second);
  });

  it('hands over an answer that arrived before anyone asked for it', async () => {
    const replies = createReplies();
    const answer = { data: null, asOfPosition: 1, headPosition: 1, servedBy: 'Stock levels' };
    replies.observe([
      request(7, 'query'),
      {
        kind: 'sent',
        message: {
          id: 8,
          kind: 'answer',
          from: 'Stock levels',
          to: UI,
          causationId: 7,
          payload: { query: { kind: 'all' }, answer },
          sentAt: 0,
          deliverAt: 1,
        },
      },
      { kind: 'delivered', ids: [8], at: 1, to: UI },
    ]);
    await expect(replies.answerTo(7)).resolves.toEqual(answer);
  });
});

// Commands and queries are fire-and-forget messages on the bus; their replies come back as messages
// too, maybe only after the learner steps. This matches replies in the trace to those waiting, and
// tells a waiter at once when no reply can come any more (its message was dropped, or a reset
// emptied the queue), so nothing on screen waits for ever.
import { UI, type TraceFrame, type CommandOutcome, type QueryAnswer } from '../bus/protocol';

/** The log was reset (or replaced) while a message was on its way: it was dropped, no reply comes. */
export class DroppedByResetError extends Error {
  constructor() {
    super('the log was reset while it was on its way, so it never arrived');
    this.name = 'DroppedByResetError';
  }
}

const EARLY_KEPT = 64;

type Settled<T> = { ok: true; value: T } | { ok: false; error: Error };

/**
 * Replies by key. A reply (or the news that none will come) may be seen before anyone asks for it:
 * it is kept until asked for, so asking late still gets it.
 */
const mailbox = <K, T>() => {
  const waiting = new Map<K, { resolve: (value: T) => void; reject: (error: Error) => void }>();
  const early = new Map<K, Settled<T>>();
  const settle = (key: K, result: Settled<T>) => {
    const waiter = waiting.get(key);
    waiting.delete(key);
    if (!waiter) {
      // Most replies nobody waits for (a workload's); only the newest few are kept.
      early.set(key, result);
      for (const old of early.keys()) {
        if (early.size <= EARLY_KEPT) break;
        early.delete(old);
      }
    } else if (result.ok) waiter.resolve(result.value);
    else waiter.reject(result.error);
  };
  return {
    wait: (key: K): Promise<T> => {
      const result = early.get(key);
      early.delete(key);
      if (result) return result.ok ? Promise.resolve(result.value) : Promise.reject(result.error);
      return new Promise<T>((resolve, reject) => waiting.set(key, { resolve, reject }));
    },
    resolve: (key: K, value: T) => settle(key, { ok: true, value }),
    reject: (key: K, error: Error) => settle(key, { ok: false, error }),
    failAll: (error: Error) => {
      for (const waiter of waiting.values()) waiter.reject(error);
      waiting.clear();
      early.clear();
    },
  };
};

/** A request on its way (or being handled): the key its reply will be matched by. */
type Request = { kind: 'command'; commandId: string } | { kind: 'query'; queryId: number };
const keyOf = (r: Request) =>
  r.kind === 'command' ? `command ${r.commandId}` : `query ${r.queryId}`;

const requestOf = (frame: Extract<TraceFrame, { kind: 'sent' }>): Request | null => {
  const { message } = frame;
  if (message.from !== UI) return null;
  if (message.kind === 'query') return { kind: 'query', queryId: message.id };
  return message.kind === 'command'
    ? { kind: 'command', commandId: message.payload.meta.commandId }
    : null;
};

export const createReplies = () => {
  const outcomes = mailbox<string, CommandOutcome>();
  const answers = mailbox<number, QueryAnswer<unknown>>();
  /** Requests from the UI not yet replied to, by message id (a duplicate has its own id)... */
  const requests = new Map<number, Request>();
  /** ...and the ids of their messages, by request. */
  const messagesOf = new Map<string, Set<number>>();
  /** Reply messages seen being sent, by message id, until they are delivered to the UI. */
  const inFlight = new Map<
    number,
    | { kind: 'outcome'; outcome: CommandOutcome }
    | { kind: 'answer'; queryId: number; answer: QueryAnswer<unknown> }
  >();

  const fail = (request: Request, error: Error) => {
    if (request.kind === 'command') outcomes.reject(request.commandId, error);
    else answers.reject(request.queryId, error);
  };
  const track = (id: number, request: Request) => {
    requests.set(id, request);
    const ids = messagesOf.get(keyOf(request)) ?? new Set<number>();
    messagesOf.set(keyOf(request), ids.add(id));
  };
  /** Forgets the messages of a request that has its reply (or never will). */
  const forget = (request: Request) => {
    for (const id of messagesOf.get(keyOf(request)) ?? []) requests.delete(id);
    messagesOf.delete(keyOf(request));
  };
  const forgetAll = () => {
    requests.clear();
    messagesOf.clear();
    inFlight.clear();
  };

  return {
    outcomeOf: (commandId: string) => outcomes.wait(commandId),
    answerTo: (queryId: number) => answers.wait(queryId),
    /** The bus is gone: no reply will come, so everyone waiting hears why instead of waiting on. */
    fail: (error: Error) => {
      outcomes.failAll(error);
      answers.failAll(error);
      forgetAll();
    },
    observe: (frames: readonly TraceFrame[]) => {
      for (const frame of frames) {
        switch (frame.kind) {
          case 'reset': {
            // A reset empties the queue: what was on its way, and its reply, are gone with it.
            const error = new DroppedByResetError();
            for (const request of requests.values()) fail(request, error);
            forgetAll();
            break;
          }
          case 'dropped':
            for (const id of frame.ids) {
              const request = requests.get(id);
              const reply = inFlight.get(id);
              inFlight.delete(id);
              if (request) {
                requests.delete(id);
                const copies = messagesOf.get(keyOf(request));
                copies?.delete(id);
                // A copy still on its way (Duplicate) may yet be answered.
                if (!copies || copies.size === 0) {
                  messagesOf.delete(keyOf(request));
                  fail(request, new Error(`message #${id} was dropped on its way`));
                }
              }
              if (reply?.kind === 'outcome' && reply.outcome.commandId !== undefined)
                outcomes.reject(
                  reply.outcome.commandId,
                  new Error(`its outcome, message #${id}, was dropped on its way back`),
                );
              if (reply?.kind === 'answer')
                answers.reject(
                  reply.queryId,
                  new Error(`its answer, message #${id}, was dropped on its way back`),
                );
            }
            break;
          case 'sent': {
            const { message } = frame;
            const request = requestOf(frame);
            if (request) track(message.id, request);
            if (message.to !== UI) break;
            if (message.kind === 'outcome')
              inFlight.set(message.id, { kind: 'outcome', outcome: message.payload });
            if (message.kind === 'answer') {
              const { answer } = message.payload;
              inFlight.set(message.id, {
                kind: 'answer',
                queryId: message.causationId ?? 0,
                answer,
              });
            }
            break;
          }
          case 'undelivered':
            // Step back: replies its undone delivery caused are withdrawn, never to arrive.
            for (const id of frame.withdrawn) inFlight.delete(id);
            break;
          case 'delivered':
            if (frame.to !== UI) break;
            for (const id of frame.ids) {
              const reply = inFlight.get(id);
              inFlight.delete(id);
              const commandId = reply?.kind === 'outcome' ? reply.outcome.commandId : undefined;
              if (reply?.kind === 'outcome' && commandId !== undefined) {
                forget({ kind: 'command', commandId });
                outcomes.resolve(commandId, reply.outcome);
              }
              if (reply?.kind === 'answer') {
                forget({ kind: 'query', queryId: reply.queryId });
                answers.resolve(reply.queryId, reply.answer);
              }
            }
            break;
          default:
            break;
        }
      }
    },
  };
};

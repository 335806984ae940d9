// Commands and queries are fire-and-forget messages on the bus; their replies come back as messages
// too, maybe only after the learner steps. This matches replies in the trace to those waiting.
import type { TraceFrame } from '../bus/trace';
import type { CommandOutcome } from '../workers/outcome';
import type { QueryAnswer } from '../workers/projectionHost';
import { UI } from '../bus/messages';

type Waiting<T> = {
  resolve: (value: T) => void;
  reject: (error: Error) => void;
  promise: Promise<T>;
};

const waiting = <T>(): Waiting<T> => {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { resolve, reject, promise };
};

export const createReplies = () => {
  const outcomes = new Map<string, Waiting<CommandOutcome>>();
  const answers = new Map<number, Waiting<QueryAnswer<unknown>>>();
  /** Reply messages seen being sent, by message id, until they are delivered to the UI. */
  const inFlight = new Map<
    number,
    | { kind: 'outcome'; outcome: CommandOutcome }
    | { kind: 'answer'; queryId: number; answer: QueryAnswer<unknown> }
  >();

  const entry = <K, T>(map: Map<K, Waiting<T>>, key: K) => {
    let found = map.get(key);
    if (!found) {
      found = waiting<T>();
      map.set(key, found);
    }
    return found;
  };

  return {
    outcomeOf: (commandId: string) => entry(outcomes, commandId).promise,
    answerTo: (queryId: number) => entry(answers, queryId).promise,
    /** The bus is gone: no reply will come, so everyone waiting hears why instead of waiting on. */
    fail: (error: Error) => {
      for (const waiter of [...outcomes.values(), ...answers.values()]) waiter.reject(error);
      outcomes.clear();
      answers.clear();
      inFlight.clear();
    },
    observe: (frames: readonly TraceFrame[]) => {
      for (const frame of frames) {
        if (frame.kind === 'sent' && frame.message.to === UI) {
          const { message } = frame;
          if (message.kind === 'outcome')
            inFlight.set(message.id, {
              kind: 'outcome',
              outcome: message.payload as CommandOutcome,
            });
          if (message.kind === 'answer') {
            const { answer } = message.payload as { answer: QueryAnswer<unknown> };
            inFlight.set(message.id, { kind: 'answer', queryId: message.causationId ?? 0, answer });
          }
        }
        if (frame.kind === 'delivered' && frame.to === UI)
          for (const id of frame.ids) {
            const reply = inFlight.get(id);
            inFlight.delete(id);
            const commandId = reply?.kind === 'outcome' ? reply.outcome.commandId : undefined;
            if (reply?.kind === 'outcome' && commandId !== undefined) {
              outcomes.get(commandId)?.resolve(reply.outcome);
              outcomes.delete(commandId);
            }
            if (reply?.kind === 'answer') {
              answers.get(reply.queryId)?.resolve(reply.answer);
              answers.delete(reply.queryId);
            }
          }
      }
    },
  };
};

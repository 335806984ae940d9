// The words a step is announced in: what was handed over, to whom, and what came of it, e.g.
// "Delivered 2 events #5–#6 to Stock levels; it is now up to date at #6".
import type { TraceMessage } from '../../bus/protocol';
import type { StepNews } from '../../state/stepNews';
import { describeMessage } from './describeMessage';

const plural = (n: number, one: string, many = `${one}s`) => `${String(n)} ${n === 1 ? one : many}`;

/** Several events messages to one view, as one range. */
const eventsRange = (messages: readonly TraceMessage[]) => {
  const events = messages.flatMap((m) => (m.kind === 'events' ? [m.payload] : []));
  const count = events.reduce((sum, e) => sum + e.count, 0);
  const first = Math.min(...events.map((e) => e.first));
  const last = Math.max(...events.map((e) => e.last));
  return count === 1
    ? `1 event #${String(first)}`
    : `${String(count)} events #${String(first)}–#${String(last)}`;
};

const MANY: Record<TraceMessage['kind'], string> = {
  command: 'commands',
  events: 'events messages',
  outcome: 'replies',
  query: 'queries',
  answer: 'answers',
};

const whatWasDelivered = (messages: readonly TraceMessage[]): string => {
  const [first] = messages;
  if (!first) return 'nothing';
  if (first.kind === 'events') return eventsRange(messages);
  if (messages.length === 1)
    return first.kind === 'command'
      ? `command ${describeMessage(first)}`
      : first.kind === 'query'
        ? 'a query'
        : first.kind === 'answer'
          ? `${first.from}'s answer`
          : `the reply (${first.payload.status})`;
  return `${String(messages.length)} ${MANY[first.kind]}`;
};

/** What the receiver did with it, as far as the trace has told. */
const whatCameOfIt = (news: Extract<StepNews, { kind: 'delivered' }>): string => {
  const [first] = news.messages;
  if (first?.kind === 'events' && news.view) {
    const { checkpoint, head } = news.view;
    return checkpoint >= head
      ? `; it is now up to date at #${String(checkpoint)}`
      : `; it is now at #${String(checkpoint)}, ${plural(head - checkpoint, 'event')} behind the head #${String(head)}`;
  }
  if (first?.kind === 'command') {
    const outcomes = news.replies.flatMap((m) => (m.kind === 'outcome' ? [m.payload] : []));
    if (outcomes.length === 0) return '';
    if (outcomes.length > 1) {
      const accepted = outcomes.filter((o) => o.status === 'accepted').length;
      return `; ${String(accepted)} accepted, ${String(outcomes.length - accepted)} not`;
    }
    const [outcome] = outcomes;
    if (outcome?.status === 'accepted')
      return `; it accepted it: ${outcome.events.map((e) => `${e.type} #${String(e.position)}`).join(', ') || 'already recorded'}`;
    return outcome ? `; it refused it: ${outcome.reason}` : '';
  }
  if (first?.kind === 'query' && news.replies.some((m) => m.kind === 'answer'))
    return '; its answer is on its way to the UI';
  return '';
};

export const describeStep = (news: StepNews): string =>
  news.kind === 'taken-back'
    ? `Took back the delivery of ${whatWasDelivered(news.messages)} to ${news.messages[0]?.to ?? 'its receiver'}: pending again`
    : `Delivered ${whatWasDelivered(news.messages)} to ${news.to}${whatCameOfIt(news)}`;

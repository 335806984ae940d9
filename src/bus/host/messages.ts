// The messages the bus itself writes, and what the trace shows of them.
import {
  isKind,
  UI,
  WRITE_MODEL,
  type EventsDelivery,
  type Message,
  type Outbound,
  type TraceMessage,
  type ViewQuery,
} from '../protocol';
import type { LabCommand } from '../../domain/lab';

/** A query's own latency: it skips the lag of its view's event feed and goes to the view's store. */
export const QUERY_LATENCY_MS = 10;

/** A command from the UI to the write model (sent by the learner or by the workload). */
export const commandFromUI = (payload: LabCommand): Outbound => ({
  kind: 'command',
  from: UI,
  to: WRITE_MODEL,
  causationId: null,
  payload,
});

/** A query from the UI to a view (send it with QUERY_LATENCY_MS). */
export const queryFromUI = (view: string, query: ViewQuery): Outbound => ({
  kind: 'query',
  from: UI,
  to: view,
  causationId: null,
  payload: { query },
});

/** What the trace says about a message: events messages carry positions, not the events. */
export const summarize = (message: Message): TraceMessage => {
  if (message.kind !== 'events') return message;
  const { events, head } = message.payload;
  return {
    ...message,
    payload: {
      count: events.length,
      first: events[0]?.position ?? 0,
      last: events.at(-1)?.position ?? 0,
      head,
    },
  };
};

/** The events of several messages to one view, as one delivery in log order. */
export const mergeDeliveries = (messages: readonly Message[]): EventsDelivery => {
  const payloads = messages.filter(isKind('events')).map((m) => m.payload);
  const events = payloads.flatMap((p) => p.events).sort((a, b) => a.position - b.position);
  return { kind: 'events', events, head: Math.max(...payloads.map((p) => p.head)) };
};

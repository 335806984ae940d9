// Messages that cross a boundary are plain data: the learner can see every one of them.
import type { StoredEvent } from '../domain/types';

/** Who sends and receives: the UI, the write model, or a read view by its name. */
export type Endpoint = string;
export const UI = 'UI';
export const WRITE_MODEL = 'Write model';
/** The bus itself, as the learner sees it in the diagram. */
export const BUS = 'Bus';

export type MessageKind = 'command' | 'outcome' | 'events' | 'query' | 'answer';

export type Message = {
  id: number;
  kind: MessageKind;
  from: Endpoint;
  to: Endpoint;
  /** The message whose delivery caused this one, if any. */
  causationId: number | null;
  /** Virtual times, in ms since the simulation began. */
  sentAt: number;
  deliverAt: number;
  payload: unknown;
};

/** Appended events on their way from the write model to a projection. */
export type EventsDelivery = {
  kind: 'events';
  events: StoredEvent[];
  /** The log's head position when the batch was sent. */
  head: number;
};

/** How one receiver's mail is handled. */
export type SubscriberSettings = {
  /** Fixed delivery delay (ms of virtual time). */
  delayMs: number;
  /** Extra delay drawn from [0, jitterMs), seeded. */
  jitterMs: number;
  /** How long the receiver is busy with each delivery; its replies leave after this. */
  processingMs: number;
  /** Most messages handed over in one delivery when running live (stepping hands over one). */
  batchSize: number;
};

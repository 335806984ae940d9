// Messages that cross a boundary are plain data: the learner can see every one of them.
import type { StoredEvent } from '../domain/types';

/** Appended events on their way from the write model to a projection. */
export type EventsDelivery = {
  kind: 'events';
  events: StoredEvent[];
  /** The log's head position when the batch was sent. */
  head: number;
};

export type BusMessage = EventsDelivery;

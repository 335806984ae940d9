// What the write worker offers the page. The worker entry only exposes this.
import type { EventsDelivery } from '../bus/messages';
import type { TraceListener } from '../bus/trace';
import { labCommandSchema, labDomain } from '../domain/lab';
import type { EventStoreDb } from '../eventstore';
import { headPosition, readAll } from '../eventstore';
import { createWriteModel } from './writeModel';

export const createWriteWorkerApi = (db: EventStoreDb) => {
  const subscribers: MessagePort[] = [];
  let listener: TraceListener | undefined;

  const model = createWriteModel({
    db,
    domain: labDomain,
    schema: labCommandSchema,
    now: () => new Date().toISOString(),
    publish: (delivery: EventsDelivery) => {
      for (const port of subscribers) port.postMessage(delivery);
    },
    trace: (frame) => listener?.([frame]),
  });

  return {
    dispatch: model.dispatch,
    readAll: (options: { fromPosition?: number; limit?: number }) => readAll(db, options),
    head: () => headPosition(db),
    /** A projection's end of a channel: every appended batch is posted to it. */
    connectSubscriber: (port: MessagePort) => {
      subscribers.push(port);
    },
    setTraceListener: (next: TraceListener) => {
      listener = next;
    },
  };
};

export type WriteWorkerApi = ReturnType<typeof createWriteWorkerApi>;

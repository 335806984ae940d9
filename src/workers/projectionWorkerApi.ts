// What a projection worker offers the page. One worker hosts one view.
import type { EventsDelivery } from '../bus/messages';
import type { TraceListener } from '../bus/trace';
import { isViewName, projections } from '../domain/views';
import { EventStoreDb } from '../eventstore';
import { ReadStoreDb, readStoreName } from '../readstore/readStoreDb';
import { createProjectionHost } from './projectionHost';

export const createProjectionWorkerApi = () => {
  let host: ReturnType<typeof createProjectionHost<unknown, never>> | undefined;
  let listener: TraceListener | undefined;

  const requireHost = () => {
    if (!host) throw new Error('This projection worker has not been started');
    return host;
  };

  return {
    setTraceListener: (next: TraceListener) => {
      listener = next;
    },
    /** Opens the view's store and catches up; deliveries on `port` are applied from then on. */
    start: async (viewName: string, port: MessagePort) => {
      if (!isViewName(viewName)) throw new Error(`There is no view called ${viewName}`);
      const started = createProjectionHost({
        projection: projections[viewName],
        readDb: new ReadStoreDb(readStoreName(viewName)),
        eventDb: new EventStoreDb(),
        trace: (frame) => listener?.([frame]),
      });
      host = started;
      port.onmessage = (message: MessageEvent<EventsDelivery>) => {
        void started.deliver(message.data);
      };
      await started.start();
    },
    query: () => requireHost().query(),
  };
};

export type ProjectionWorkerApi = ReturnType<typeof createProjectionWorkerApi>;

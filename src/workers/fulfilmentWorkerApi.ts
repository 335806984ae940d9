// What the fulfilment worker offers the page and, over a port, the process manager: the fulfilment
// service on a log of its own. It tells the process manager on a channel when the log grew.
import { expose } from 'comlink';
import { clearLog, type EventStoreDb } from '../eventstore';
import { openChannel } from '../eventstore/logChannel';
import type { Space } from '../eventstore/space';
import { createFulfilmentService } from '../process/fulfilmentService';

/** The channel on which the fulfilment worker says its log grew. */
export const FULFILMENT_CHANNEL = 'cqrs-lab-fulfilment-log';

export const createFulfilmentWorkerApi = (db: EventStoreDb, space: Space = 'sandbox') => {
  const channel = openChannel(FULFILMENT_CHANNEL, space);
  const service = createFulfilmentService(db, { told: () => channel?.postMessage('appended') });
  return {
    ping: () => true,
    ...service,
    /** Empties the log, for a fresh start. */
    reset: () => clearLog(db),
    /** Serves the process manager on `port`: the commands it sends, the log it reads. */
    connect: (port: MessagePort) => {
      expose({ handle: service.handle, read: service.read }, port);
    },
  };
};

export type FulfilmentWorkerApi = ReturnType<typeof createFulfilmentWorkerApi>;

// What an order desk's worker offers (chapter 16): the same orders placed with the order and the
// stock as one consistency boundary, or apart; it tells the process manager when fulfilment's log
// grew, as the fulfilment worker does.
import type { EventStoreDb } from '../eventstore';
import { openChannel } from '../eventstore/logChannel';
import type { Space } from '../eventstore/space';
import { createDesk, prepareTogether } from '../process/boundaries';
import { FULFILMENT_CHANNEL } from './fulfilmentWorkerApi';

/** A desk's work between reading and appending, as a request handler's would be. */
export const THINK_MS = 20;

export const createDeskWorkerApi = (
  together: EventStoreDb,
  apart: EventStoreDb,
  space: Space = 'sandbox',
) => {
  const channel = openChannel(FULFILMENT_CHANNEL, space);
  const desk = createDesk({
    together,
    apart,
    think: () => new Promise((resolve) => setTimeout(resolve, THINK_MS)),
    told: () => channel?.postMessage('appended'),
  });
  return {
    ping: () => true,
    run: desk.run,
    /** Empties the one-boundary log and brings the stock in. */
    prepareTogether: () => prepareTogether(together),
  };
};

export type DeskWorkerApi = ReturnType<typeof createDeskWorkerApi>;

// What a race writer's worker offers (chapter 6): read a product, then sell it or change its price,
// decided on that read and appended to the lab's own event store. The lab's page hears of each
// append on the log channel, as it hears of another tab's, and its log and views catch up.
import type { EventStoreDb } from '../eventstore';
import { openLogChannel } from '../eventstore/logChannel';
import type { Space } from '../eventstore/space';
import { createRaceWriter } from '../writemodel/raceWriter';

export const createWriterWorkerApi = (db: EventStoreDb, space: Space = 'sandbox') => {
  const tab = `race-writer-${crypto.randomUUID()}`;
  const channel = openLogChannel(space);
  const writer = createRaceWriter({
    db,
    told: (head) => channel?.postMessage({ kind: 'appended', head, tab }),
  });
  return { ping: () => true, ...writer };
};

export type WriterWorkerApi = ReturnType<typeof createWriterWorkerApi>;

// What chapter 14's blue/green bench offers: Stock levels version 1 and version 2, each in a read
// store of its own beside the lessons' event store, built, asked, cut over and dropped. Builds are
// paced so that the learner can watch and ask meanwhile (a simulator feature); the views follow
// what the rest of the lab appends, heard on the log channel.
import type { EventStoreDb } from '../eventstore';
import { openLogChannel, type LogNews } from '../eventstore/logChannel';
import type { Space } from '../eventstore/space';
import { BUILD_PAGE, createBlueGreenBench, type Version } from '../projection/blueGreen';
import type { ReadStoreDb } from '../readstore/readStoreDb';

/** About how long a paced build takes, whatever the log's length. */
const BUILD_MS = 6000;
/** The shortest wait between pages. */
const MIN_PAGE_MS = 40;

export const createBlueGreenWorkerApi = (
  events: EventStoreDb,
  storeOf: (version: Version) => ReadStoreDb,
  space: Space = 'sandbox',
) => {
  let pageMs = MIN_PAGE_MS;
  const bench = createBlueGreenBench({
    events,
    storeOf,
    pace: () => new Promise((go) => setTimeout(go, pageMs)),
  });
  const channel = openLogChannel(space);
  channel?.addEventListener('message', (message: MessageEvent<LogNews>) => {
    if (message.data.kind === 'appended') void bench.follow();
  });
  return {
    ping: () => true,
    ...bench,
    prepare: async () => {
      const status = await bench.prepare();
      pageMs = Math.max(MIN_PAGE_MS, Math.round(BUILD_MS / Math.ceil(status.head / BUILD_PAGE)));
      return { ...status, pageMs };
    },
  };
};

export type BlueGreenWorkerApi = ReturnType<typeof createBlueGreenWorkerApi>;

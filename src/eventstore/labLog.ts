// The lab's own log as a worker opens it: each row read as one of the lab's events (storedRow.ts),
// a row that is not one told to the page (which names it to the learner), and the database let go
// when another tab upgrades or deletes it (upgrade.ts).
import { EventStoreDb } from './eventStoreDb';
import { parseLabEvent } from './storedRow';
import { UNREADABLE_ROW, type UnreadableEvent, type UnreadableRowNews } from './unreadable';
import { letGoOnUpgrade, tellPage } from './upgrade';

/** In a worker: tells the page of a row of `log` it read and could not (the page keeps each once). */
const tellPageOfUnreadable = (log: string) => (event: UnreadableEvent) => {
  const news: UnreadableRowNews = {
    kind: UNREADABLE_ROW,
    log,
    position: event.position,
    streamId: event.streamId,
    reason: event.data.reason,
  };
  (globalThis as unknown as { postMessage: (message: unknown) => void }).postMessage(news);
};

/** Opens the lab's log `name` in a worker. */
export const openLabLog = (
  name: string,
  onUpgrade: (deleted: boolean) => void = tellPage,
): EventStoreDb =>
  letGoOnUpgrade(
    new EventStoreDb(name, { parse: parseLabEvent, onUnreadable: tellPageOfUnreadable(name) }),
    onUpgrade,
  );

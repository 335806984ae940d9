// What chapter 12's snapshot bench offers: write the account's long history, load the account with or
// without a snapshot, take and drop snapshots. It runs on the lessons' event store, and keeps its
// snapshots in a database of their own beside it; the page hears of its appends on the log channel.
import type { EventStoreDb } from '../eventstore';
import { openLogChannel } from '../eventstore/logChannel';
import type { Space } from '../eventstore/space';
import { createSnapshotBench, type SnapshotDb } from '../writemodel/snapshots';

export const createSnapshotsWorkerApi = (
  events: EventStoreDb,
  snapshots: SnapshotDb,
  space: Space = 'sandbox',
) => {
  const tab = `snapshot-bench-${crypto.randomUUID()}`;
  const channel = openLogChannel(space);
  const bench = createSnapshotBench({
    events,
    snapshots,
    told: (head) => channel?.postMessage({ kind: 'appended', head, tab }),
  });
  return { ping: () => true, ...bench };
};

export type SnapshotsWorkerApi = ReturnType<typeof createSnapshotsWorkerApi>;

import { expose } from 'comlink';
import { EventStoreDb, EVENT_STORE_NAME } from '../eventstore';
import { inSpace, spaceOfName } from '../eventstore/space';
import { letGoOnUpgrade, tellPage } from '../eventstore/upgrade';
import { SNAPSHOT_STORE_NAME, SnapshotDb } from '../writemodel/snapshots';
import { createSnapshotsWorkerApi } from './snapshotsWorkerApi';

// The page names the space in the worker's name: the stores open before any message arrives.
const space = spaceOfName(self.name);
expose(
  createSnapshotsWorkerApi(
    letGoOnUpgrade(new EventStoreDb(inSpace(EVENT_STORE_NAME, space)), tellPage),
    new SnapshotDb(inSpace(SNAPSHOT_STORE_NAME, space)),
    space,
  ),
);

import { expose } from 'comlink';
import { openLabLog } from '../eventstore/labLog';
import { EVENT_STORE_NAME } from '../eventstore';
import { inSpace, spaceOfName } from '../eventstore/space';
import { SNAPSHOT_STORE_NAME, SnapshotDb } from '../writemodel/snapshots';
import { createSnapshotsWorkerApi } from './snapshotsWorkerApi';

// The page names the space in the worker's name: the stores open before any message arrives.
const space = spaceOfName(self.name);
expose(
  createSnapshotsWorkerApi(
    openLabLog(inSpace(EVENT_STORE_NAME, space)),
    new SnapshotDb(inSpace(SNAPSHOT_STORE_NAME, space)),
    space,
  ),
);

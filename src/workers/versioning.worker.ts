import { expose } from 'comlink';
import { EventStoreDb, EVENT_STORE_NAME } from '../eventstore';
import { inSpace, spaceOfName } from '../eventstore/space';
import { letGoOnUpgrade, tellPage } from '../eventstore/upgrade';
import { VERSIONING_STORE_NAME, VersioningDb } from '../projection/versioning';
import { createVersioningWorkerApi } from './versioningWorkerApi';

// The page names the space in the worker's name: the stores open before any message arrives.
const space = spaceOfName(self.name);
expose(
  createVersioningWorkerApi(
    letGoOnUpgrade(new EventStoreDb(inSpace(EVENT_STORE_NAME, space)), tellPage),
    new VersioningDb(inSpace(VERSIONING_STORE_NAME, space)),
  ),
);

import { expose } from 'comlink';
import { openLabLog } from '../eventstore/labLog';
import { EVENT_STORE_NAME } from '../eventstore';
import { inSpace, spaceOfName } from '../eventstore/space';
import { VERSIONING_STORE_NAME, VersioningDb } from '../projection/versioning';
import { createVersioningWorkerApi } from './versioningWorkerApi';

// The page names the space in the worker's name: the stores open before any message arrives.
const space = spaceOfName(self.name);
expose(
  createVersioningWorkerApi(
    openLabLog(inSpace(EVENT_STORE_NAME, space)),
    new VersioningDb(inSpace(VERSIONING_STORE_NAME, space)),
  ),
);

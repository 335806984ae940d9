import { expose } from 'comlink';
import { EventStoreDb, EVENT_STORE_NAME } from '../eventstore';
import { inSpace, spaceOfName } from '../eventstore/space';
import { letGoOnUpgrade, tellPage } from '../eventstore/upgrade';
import { createWriteWorkerApi } from './writeWorkerApi';

// The page names the space in the worker's name: the store opens before any message arrives.
const space = spaceOfName(self.name);
expose(
  createWriteWorkerApi(
    letGoOnUpgrade(new EventStoreDb(inSpace(EVENT_STORE_NAME, space)), tellPage),
    space,
  ),
);

import { expose } from 'comlink';
import { EventStoreDb, EVENT_STORE_NAME } from '../eventstore';
import { inSpace, spaceOfName } from '../eventstore/space';
import { letGoOnUpgrade, tellPage } from '../eventstore/upgrade';
import { createWriterWorkerApi } from './writerWorkerApi';

// The page names the space in the worker's name: the store opens before any message arrives.
const space = spaceOfName(self.name);
expose(
  createWriterWorkerApi(
    letGoOnUpgrade(new EventStoreDb(inSpace(EVENT_STORE_NAME, space)), tellPage),
    space,
  ),
);

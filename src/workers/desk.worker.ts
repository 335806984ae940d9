import { expose } from 'comlink';
import { EventStoreDb } from '../eventstore';
import { inSpace, spaceOfName } from '../eventstore/space';
import { TOGETHER_STORE_NAME } from '../process/boundaries';
import { FULFILMENT_STORE_NAME } from '../process/fulfilmentLog';
import { createDeskWorkerApi } from './deskWorkerApi';

// The page names the space in the worker's name: the stores open before any message arrives.
const space = spaceOfName(self.name);
expose(
  createDeskWorkerApi(
    new EventStoreDb(inSpace(TOGETHER_STORE_NAME, space)),
    new EventStoreDb(inSpace(FULFILMENT_STORE_NAME, space)),
    space,
  ),
);

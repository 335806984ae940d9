import { expose } from 'comlink';
import { EventStoreDb } from '../eventstore';
import { inSpace, spaceOfName } from '../eventstore/space';
import { FULFILMENT_STORE_NAME } from '../process/fulfilmentLog';
import { createFulfilmentWorkerApi } from './fulfilmentWorkerApi';

// The page names the space in the worker's name: the store opens before any message arrives.
const space = spaceOfName(self.name);
expose(createFulfilmentWorkerApi(new EventStoreDb(inSpace(FULFILMENT_STORE_NAME, space)), space));

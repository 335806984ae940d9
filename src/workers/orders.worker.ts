import { expose } from 'comlink';
import { inSpace, spaceOfName } from '../eventstore/space';
import { ORDERS_STORE_NAME, OrdersDb } from '../statemodel/dualWrite';
import { createOrdersWorkerApi } from './dualWriteWorkerApi';

// The page names the space in the worker's name: the store opens before any message arrives.
const space = spaceOfName(self.name);
expose(createOrdersWorkerApi(new OrdersDb(inSpace(ORDERS_STORE_NAME, space)), space));

import { expose } from 'comlink';
import { inSpace, spaceOfName } from '../eventstore/space';
import { ORDERS_STORE_NAME, OrdersDb } from '../statemodel/dualWrite';
import { createRelayWorkerApi } from './dualWriteWorkerApi';

// The relay reads the orders service's database: the outbox is a table beside the orders.
const space = spaceOfName(self.name);
expose(createRelayWorkerApi(new OrdersDb(inSpace(ORDERS_STORE_NAME, space)), space));

import { expose } from 'comlink';
import { inSpace, spaceOfName } from '../eventstore/space';
import { WAREHOUSE_STORE_NAME, WarehouseDb } from '../statemodel/dualWrite';
import { createWarehouseWorkerApi } from './dualWriteWorkerApi';

// The warehouse is another service: a database of its own, reached only by messages.
const space = spaceOfName(self.name);
expose(createWarehouseWorkerApi(new WarehouseDb(inSpace(WAREHOUSE_STORE_NAME, space))));

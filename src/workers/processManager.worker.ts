import { expose } from 'comlink';
import { inSpace, spaceOfName } from '../eventstore/space';
import { MANAGER_STORE_NAME, ManagerDb } from '../process/managerHost';
import { createProcessManagerWorkerApi } from './processManagerWorkerApi';

// The page names the space in the worker's name: the store opens before any message arrives.
const space = spaceOfName(self.name);
expose(createProcessManagerWorkerApi(new ManagerDb(inSpace(MANAGER_STORE_NAME, space)), space));

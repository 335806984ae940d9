import { expose } from 'comlink';
import { openLabLog } from '../eventstore/labLog';
import { EVENT_STORE_NAME } from '../eventstore';
import { inSpace, spaceOfName } from '../eventstore/space';
import { createWriteWorkerApi } from './writeWorkerApi';

// The page names the space in the worker's name: the store opens before any message arrives.
const space = spaceOfName(self.name);
const db = openLabLog(inSpace(EVENT_STORE_NAME, space));
// Opened at once, while the other workers start (a failure is met again by the first read).
void db.open().catch(() => undefined);
expose(createWriteWorkerApi(db, space));

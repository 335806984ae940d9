import { expose } from 'comlink';
import { EventStoreDb, EVENT_STORE_NAME } from '../eventstore';
import { inSpace, spaceOfName } from '../eventstore/space';
import { letGoOnUpgrade, tellPage } from '../eventstore/upgrade';
import { createWriteWorkerApi } from './writeWorkerApi';

// The page names the space in the worker's name: the store opens before any message arrives.
const space = spaceOfName(self.name);
const db = letGoOnUpgrade(new EventStoreDb(inSpace(EVENT_STORE_NAME, space)), tellPage);
// Opened at once, while the other workers start (a failure is met again by the first read).
void db.open().catch(() => undefined);
expose(createWriteWorkerApi(db, space));

import { expose } from 'comlink';
import { EventStoreDb, EVENT_STORE_NAME } from '../eventstore';
import { inSpace, spaceOfName } from '../eventstore/space';
import { createTimeTravel } from '../projection/timeTravel';
import { letGoOnUpgrade, tellPage } from '../eventstore/upgrade';

// The log of the space the page named in this worker's name.
const store = inSpace(EVENT_STORE_NAME, spaceOfName(self.name));
expose(createTimeTravel(letGoOnUpgrade(new EventStoreDb(store), tellPage)));

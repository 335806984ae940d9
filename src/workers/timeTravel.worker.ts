import { expose } from 'comlink';
import { openLabLog } from '../eventstore/labLog';
import { EVENT_STORE_NAME } from '../eventstore';
import { inSpace, spaceOfName } from '../eventstore/space';
import { createTimeTravel } from '../projection/timeTravel';

// The log of the space the page named in this worker's name.
const store = inSpace(EVENT_STORE_NAME, spaceOfName(self.name));
expose(createTimeTravel(openLabLog(store)));

import { expose } from 'comlink';
import { openLabLog } from '../eventstore/labLog';
import { EVENT_STORE_NAME } from '../eventstore';
import { inSpace, spaceOfName } from '../eventstore/space';
import { createWriterWorkerApi } from './writerWorkerApi';

// The page names the space in the worker's name: the store opens before any message arrives.
const space = spaceOfName(self.name);
expose(createWriterWorkerApi(openLabLog(inSpace(EVENT_STORE_NAME, space)), space));

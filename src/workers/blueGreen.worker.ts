import { expose } from 'comlink';
import { openLabLog } from '../eventstore/labLog';
import { EVENT_STORE_NAME } from '../eventstore';
import { inSpace, spaceOfName } from '../eventstore/space';
import type { Version } from '../projection/blueGreen';
import { ReadStoreDb, readStoreName } from '../readstore/readStoreDb';
import { createBlueGreenWorkerApi } from './blueGreenWorkerApi';

// The page names the space in the worker's name: the stores open before any message arrives.
const space = spaceOfName(self.name);
const stores = new Map<Version, ReadStoreDb>();
/** Each version's own database: "cqrs-lab-read-stock-levels-v1-lesson" and "…-v2-lesson". */
const storeOf = (version: Version) => {
  const found =
    stores.get(version) ??
    new ReadStoreDb(inSpace(readStoreName(`Stock levels v${String(version)}`), space));
  stores.set(version, found);
  return found;
};
expose(createBlueGreenWorkerApi(openLabLog(inSpace(EVENT_STORE_NAME, space)), storeOf, space));

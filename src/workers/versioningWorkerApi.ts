// What chapter 13's versioning bench offers: copy the shop's orders from the lessons' event store
// into a log of its own, ship revision 2, place orders with a currency, and build Sales by currency
// with or without the upcaster. The lessons' log is only read.
import type { EventStoreDb } from '../eventstore';
import { createVersioningBench, type VersioningDb } from '../projection/versioning';

export const createVersioningWorkerApi = (shop: EventStoreDb, bench: VersioningDb) => {
  const { prepare, ...rest } = createVersioningBench({ bench });
  return { ping: () => true, prepare: () => prepare(shop), ...rest };
};

export type VersioningWorkerApi = ReturnType<typeof createVersioningWorkerApi>;

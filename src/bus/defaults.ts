// How the bus treats each receiver unless the learner changes it.
import { UI, WRITE_MODEL, type SubscriberSettings } from './protocol';

/** Small but visible delays, so a learner can see a view trail the log. */
export const DEFAULT_BUS_SETTINGS: Record<string, Partial<SubscriberSettings>> = {
  [WRITE_MODEL]: { delayMs: 30, processingMs: 10, batchSize: 1000 },
  [UI]: { delayMs: 20, batchSize: 1000 },
  'Order status': { delayMs: 60, jitterMs: 30, processingMs: 10, batchSize: 50 },
  'Stock levels': { delayMs: 120, jitterMs: 40, processingMs: 10, batchSize: 50 },
  'Sales dashboard': { delayMs: 200, jitterMs: 60, processingMs: 20, batchSize: 50 },
  'Product search': { delayMs: 250, jitterMs: 60, processingMs: 20, batchSize: 50 },
  'Account balances': { delayMs: 80, jitterMs: 30, processingMs: 10, batchSize: 50 },
};

/** A receiver's delay (ms of virtual time) until the learner or a chapter changes it. */
export const defaultDelayOf = (endpoint: string): number =>
  DEFAULT_BUS_SETTINGS[endpoint]?.delayMs ?? 0;

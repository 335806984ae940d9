import { inSpace, type Space } from './space';

// Tabs are clients of one event store. Each tab's write worker tells the others what it did to the
// log over a BroadcastChannel, so their pages and views can catch up without polling.
export const LOG_CHANNEL = 'cqrs-lab-log';

export type LogNews =
  /** `tab` appended events; the log now ends at `head`. */
  | { kind: 'appended'; head: number; tab: string }
  /** `tab` emptied, stepped back or replaced the log: what other tabs show no longer holds. */
  | { kind: 'rewritten'; tab: string };

/** The channel `name` of `space`, where the platform has BroadcastChannel (not in unit tests). */
export const openChannel = (name: string, space: Space): BroadcastChannel | undefined =>
  typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(inSpace(name, space));

/** The log channel of `space` (each space's tabs hear only of their own log). */
export const openLogChannel = (space: Space = 'sandbox'): BroadcastChannel | undefined =>
  openChannel(LOG_CHANNEL, space);

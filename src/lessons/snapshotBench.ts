// Chapter 12's bench, as the chapter names it: its controls, how often it snapshots, and what each
// load reports to the chapter's check.
import { LONG_ACCOUNT } from './chapters/story';

/** A snapshot at every this many events of the stream. */
export const SNAPSHOT_EVERY = 1000;

const { accountId } = LONG_ACCOUNT;

export const SNAPSHOT_LABELS = {
  loadAll: `Load ${accountId}, folding every event`,
  take: `Take a snapshot every ${SNAPSHOT_EVERY.toLocaleString('en-GB')} events`,
  loadFromSnapshot: `Load ${accountId} from its snapshot`,
  shipShape: 'Ship state shape 2',
  drop: 'Drop the snapshots',
} as const;

/** What a load shows: a snapshot of an older shape thrown away, a snapshot used, or neither. */
export const snapshotActivity = (load: { from: number; discarded: number | null }): string =>
  load.discarded !== null
    ? 'snapshot:discarded'
    : load.from > 0
      ? 'snapshot:used'
      : 'snapshot:full';

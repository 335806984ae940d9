// Time travel: the write side and every read view as they were at position N, computed from the log
// with the same pure functions the live system uses, plus what event N changed.
import { labDomain, type LabEvent, type LabState } from '../domain/lab';
import { rebuildView } from '../domain/projection';
import type { StoredEvent } from '../domain/types';
import { projections, VIEW_NAMES } from '../domain/views';
import { isUnreadable, logIdentity, readAll, type EventStoreDb } from '../eventstore';

export type RowDiff = { key: string; before: unknown; after: unknown };

export type Moment = {
  position: number;
  head: number;
  /** The event at `position` (none at 0). */
  event: StoredEvent | null;
  /** The write side's state of the chosen stream, folded from its events up to `position`. */
  stream: { streamId: string; version: number; state: LabState } | null;
  /** Every view's rows as of `position`. */
  views: Record<string, Record<string, unknown>>;
  /** What event `position` changed in each view (rows before and after). */
  diff: Record<string, RowDiff[]>;
};

const diffRows = (before: Record<string, unknown>, after: Record<string, unknown>): RowDiff[] =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => ({ key, before: before[key] ?? null, after: after[key] ?? null }));

export const createTimeTravel = (db: EventStoreDb) => {
  let cache: StoredEvent[] = [];
  let cachedMark: string | null = null;

  /**
   * The log up to the head, read once and extended as it grows. A log that was rewritten since
   * (Step back, Reset, a chapter, an import, another tab) has a new mark: then it is read afresh,
   * since the same positions may now hold other events.
   */
  const logUpTo = async ({ mark, head }: { mark: string; head: number }) => {
    if (mark !== cachedMark || (cache.at(-1)?.position ?? 0) > head) cache = [];
    cachedMark = mark;
    while ((cache.at(-1)?.position ?? 0) < head) {
      const page = await readAll(db, {
        fromPosition: (cache.at(-1)?.position ?? 0) + 1,
        limit: 10_000,
      });
      if (page.length === 0) break;
      cache = [...cache, ...page];
    }
    return cache;
  };

  return {
    at: async (position: number, streamId: string | null): Promise<Moment> => {
      const identity = await logIdentity(db);
      const { head } = identity;
      const n = Math.max(0, Math.min(position, head));
      const log = await logUpTo(identity);
      const upTo = log.slice(0, n);
      const before = log.slice(0, Math.max(0, n - 1));
      const views: Record<string, Record<string, unknown>> = {};
      const diff: Record<string, RowDiff[]> = {};
      for (const view of VIEW_NAMES) {
        const now = rebuildView(projections[view], upTo);
        views[view] = now;
        diff[view] = n === 0 ? [] : diffRows(rebuildView(projections[view], before), now);
      }
      const streamEvents = streamId
        ? upTo.filter((e) => e.streamId === streamId && !isUnreadable(e))
        : [];
      return {
        position: n,
        head,
        event: upTo.at(-1) ?? null,
        stream: streamId
          ? {
              streamId,
              version: streamEvents.at(-1)?.version ?? 0,
              state: streamEvents.reduce(
                (state, e) => labDomain.evolve(state, e as unknown as LabEvent),
                labDomain.initialState(),
              ),
            }
          : null,
        views,
        diff,
      };
    },
  };
};

export type TimeTravelApi = ReturnType<typeof createTimeTravel>;

// Series for the charts, computed from the same record the Timeline draws.
import { isAnswerBehind, type TimelineRecord } from './timeline';

export const MAX_POINTS = 600;

/** Keeps at most `max` points, evenly spread, always keeping the last. */
export const downsample = <T>(points: readonly T[], max = MAX_POINTS): T[] => {
  if (points.length <= max) return [...points];
  const stride = points.length / max;
  const kept = Array.from({ length: max - 1 }, (_, i) => points[Math.floor(i * stride)]).filter(
    (p): p is T => p !== undefined,
  );
  const last = points.at(-1);
  return last === undefined ? kept : [...kept, last];
};

export type LagPoint = { t: number } & Record<string, number>;

/**
 * Each view's lag at every moment something changed: in events (head − checkpoint) and in ms
 * (how long the oldest event it has not applied has been in the log).
 */
export const lagSeries = (
  record: TimelineRecord,
  views: readonly string[],
): { events: LagPoint[]; ms: LagPoint[] } => {
  type Change = { t: number; head?: number; view?: string; checkpoint?: number };
  const changes: Change[] = [
    ...record.appends.map((a) => ({ t: a.at, head: a.last })),
    ...record.checkpoints.map((c) => ({ t: c.at, view: c.view, checkpoint: c.checkpoint })),
  ].sort((a, b) => a.t - b.t);
  const byPosition = [...record.appends].sort((a, b) => a.first - b.first);
  /** When the event at `position` was appended (binary search over the appends). */
  const appendedAt = (position: number) => {
    let lo = 0;
    let hi = byPosition.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const a = byPosition[mid];
      if (!a) break;
      if (position < a.first) hi = mid - 1;
      else if (position > a.last) lo = mid + 1;
      else return a.at;
    }
    return undefined;
  };
  let head = 0;
  const checkpoints: Record<string, number> = Object.fromEntries(views.map((v) => [v, 0]));
  const events: LagPoint[] = [];
  const ms: LagPoint[] = [];
  for (const change of changes) {
    if (change.head !== undefined) head = Math.max(head, change.head);
    if (change.view !== undefined && change.checkpoint !== undefined)
      checkpoints[change.view] = change.checkpoint;
    const byEvents: LagPoint = { t: change.t };
    const byMs: LagPoint = { t: change.t };
    for (const view of views) {
      const checkpoint = checkpoints[view] ?? 0;
      byEvents[view] = Math.max(0, head - checkpoint);
      const oldest = checkpoint < head ? appendedAt(checkpoint + 1) : undefined;
      byMs[view] = oldest === undefined ? 0 : Math.max(0, change.t - oldest);
    }
    events.push(byEvents);
    ms.push(byMs);
  }
  return { events: downsample(events), ms: downsample(ms) };
};

export type ThroughputPoint = { second: number; commands: number; events: number };

/** Commands handled and events appended per second of virtual time. */
export const throughputSeries = (record: TimelineRecord): ThroughputPoint[] => {
  const buckets = new Map<number, ThroughputPoint>();
  const bucket = (t: number) => {
    const second = Math.floor(t / 1000);
    const found = buckets.get(second) ?? { second, commands: 0, events: 0 };
    buckets.set(second, found);
    return found;
  };
  for (const d of record.delivered) if (d.kind === 'command') bucket(d.deliveredAt).commands += 1;
  for (const a of record.appends) bucket(a.at).events += a.last - a.first + 1;
  return downsample([...buckets.values()].sort((a, b) => a.second - b.second));
};

export const STALENESS_BINS = ['fresh', '1', '2–5', '6–20', '21+'] as const;

/** How many events behind each answered query was. */
export const stalenessHistogram = (record: TimelineRecord): { bin: string; answers: number }[] => {
  const counts = new Map<string, number>(STALENESS_BINS.map((b) => [b, 0]));
  for (const d of record.delivered) {
    if (d.kind !== 'answer' || d.asOf === undefined || d.head === undefined) continue;
    const behind = isAnswerBehind(d) ? d.head - d.asOf : 0;
    const bin =
      behind === 0
        ? 'fresh'
        : behind === 1
          ? '1'
          : behind <= 5
            ? '2–5'
            : behind <= 20
              ? '6–20'
              : '21+';
    counts.set(bin, (counts.get(bin) ?? 0) + 1);
  }
  return STALENESS_BINS.map((bin) => ({ bin, answers: counts.get(bin) ?? 0 }));
};

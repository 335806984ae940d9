// Where each message in flight is drawn: along its edge, as far as the virtual clock says.
import type { TraceMessage } from '../bus/protocol';

/** Messages in the order the bus will hand them over: due time, then id. */
export const byDue = (a: TraceMessage, b: TraceMessage): number =>
  a.deliverAt - b.deliverAt || a.id - b.id;

export type TokenPosition = { id: number; progress: number; waiting: boolean };

/**
 * How far along its edge a message is at virtual time `now`: 0 when sent, 1 when due. A message
 * that is due but not yet handed over (its receiver is paused, stopped or busy) waits at the end.
 */
export const tokenProgress = (message: TraceMessage, now: number): TokenPosition => {
  const span = message.deliverAt - message.sentAt;
  const raw = span <= 0 ? 1 : (now - message.sentAt) / span;
  const progress = Math.min(1, Math.max(0, raw));
  return { id: message.id, progress, waiting: raw >= 1 };
};

/** A point along a polyline at `t` in [0, 1] of its length. */
export const pointAlong = (
  points: readonly { x: number; y: number }[],
  t: number,
): { x: number; y: number } => {
  const lengths = points.slice(1).map((p, i) => {
    const q = points[i] ?? p;
    return Math.hypot(p.x - q.x, p.y - q.y);
  });
  const total = lengths.reduce((a, b) => a + b, 0);
  let remaining = t * total;
  for (let i = 0; i < lengths.length; i += 1) {
    const length = lengths[i] ?? 0;
    const a = points[i];
    const b = points[i + 1];
    if (!a || !b) break;
    if (remaining <= length || i === lengths.length - 1) {
      const f = length === 0 ? 1 : Math.min(1, remaining / length);
      return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
    }
    remaining -= length;
  }
  return points.at(-1) ?? { x: 0, y: 0 };
};

/** Pending messages per receiver: the queue badge on each edge. */
export const queueSizes = (messages: readonly TraceMessage[]): Record<string, number> => {
  const sizes: Record<string, number> = {};
  for (const m of messages) sizes[m.to] = (sizes[m.to] ?? 0) + 1;
  return sizes;
};

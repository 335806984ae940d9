// What happened when, in virtual time: the record the Timeline and the Flow draw from. Built from
// the trace alone, in order, so it always agrees with the log and the views.
import type { TraceMessage, MessageKind, ViewQuery } from '../bus/protocol';

export type DeliveredMessage = {
  id: number;
  kind: MessageKind;
  from: string;
  to: string;
  sentAt: number;
  deliveredAt: number;
  /** For an answer: the positions it was served at (possibly stale when asOf < head). */
  asOf?: number;
  head?: number;
  /** For an answer: the kind of question it answered (one key, all rows, a text search). */
  asked?: ViewQuery['kind'];
};

/** Events appended by one delivery of commands to the write model. */
export type Append = { at: number; first: number; last: number; deliveryId: number };

/** A view's checkpoint after a delivery to it (or a catch-up). */
export type Checkpoint = {
  view: string;
  at: number;
  checkpoint: number;
  deliveryId: number | null;
};

export type TimelineRecord = {
  delivered: DeliveredMessage[];
  appends: Append[];
  checkpoints: Checkpoint[];
};

export const emptyTimeline = (): TimelineRecord => ({
  delivered: [],
  appends: [],
  checkpoints: [],
});

/** Keeps the record bounded: the oldest deliveries go first. */
export const LIMIT = 3_000;

/** One handed-over message as the timeline keeps it (answers keep the positions they were served at). */
export const toDelivered = (m: TraceMessage, at: number): DeliveredMessage => {
  const answered = m.kind === 'answer' ? m.payload : undefined;
  return {
    id: m.id,
    kind: m.kind,
    from: m.from,
    to: m.to,
    sentAt: m.sentAt,
    deliveredAt: at,
    ...(answered
      ? {
          asOf: answered.answer.asOfPosition,
          head: answered.answer.headPosition,
          asked: answered.query.kind,
        }
      : {}),
  };
};

export const recordDelivery = (
  record: TimelineRecord,
  messages: readonly TraceMessage[],
  at: number,
): TimelineRecord => {
  const delivered = [...record.delivered, ...messages.map((m) => toDelivered(m, at))];
  return { ...record, delivered: delivered.length > LIMIT ? delivered.slice(-LIMIT) : delivered };
};

/** Step back: the deliveries of these messages, and what they caused, never happened. */
export const forgetDeliveries = (
  record: TimelineRecord,
  ids: readonly number[],
): TimelineRecord => {
  const gone = new Set(ids);
  return {
    delivered: record.delivered.filter((d) => !gone.has(d.id)),
    appends: record.appends.filter((a) => !gone.has(a.deliveryId)),
    checkpoints: record.checkpoints.filter((c) => c.deliveryId === null || !gone.has(c.deliveryId)),
  };
};

/** The time span during which `view` did not yet know an append: from the append to its application. */
export type Window = { view: string; first: number; last: number; from: number; to: number | null };

/**
 * For every append and every view: when the append happened, and when the view's checkpoint first
 * reached its last position (null while it still has not).
 */
export const inconsistencyWindows = (
  record: TimelineRecord,
  views: readonly string[],
): Window[] => {
  const appends = [...record.appends].sort((a, b) => a.at - b.at || a.last - b.last);
  const windows: Window[] = [];
  for (const view of views) {
    const checkpoints = record.checkpoints.filter((c) => c.view === view);
    // For later appends the first checkpoint that covers them can only be later too: one pass.
    let i = 0;
    for (const append of appends) {
      while (i < checkpoints.length) {
        const c = checkpoints[i];
        if (c && c.at >= append.at && c.checkpoint >= append.last) break;
        i += 1;
      }
      const applied = checkpoints[i];
      windows.push({
        view,
        first: append.first,
        last: append.last,
        from: append.at,
        to: applied?.at ?? null,
      });
    }
  }
  return windows;
};

/**
 * An answer served before its view had applied the head: possibly stale (stale only if a missing
 * event touches what was asked).
 */
export const isAnswerBehind = (message: DeliveredMessage): boolean =>
  message.asOf !== undefined && message.head !== undefined && message.asOf < message.head;

// Handing messages over: commands to the write model (whose outcomes and appended events become
// new messages), events and queries to the views, replies to the UI. Each hand-over is remembered
// with what it caused, so Step back can take it back.
import { isKind, UI, WRITE_MODEL, type EventsDelivery } from '../protocol';
import type { StoredEvent } from '../../domain/types';
import { replay, send, writeModel, type BusDelivery, type Host, type HistoryEntry } from './host';
import { mergeDeliveries, summarize } from './messages';

const HISTORY_LIMIT = 2_000;
/** Virtual time a receiver that failed a delivery is given before it is tried again. */
const RETRY_AFTER_MS = 1_000;

const deliverCommands = async (
  host: Host,
  delivery: BusDelivery,
  replyAt: number,
): Promise<HistoryEntry> => {
  const { messages } = delivery;
  const commands = messages.filter(isKind('command')).map((m) => m.payload);
  const outcomes = await writeModel(host).handle(commands);
  const appended: StoredEvent[] = outcomes
    .flatMap((o) => (o.status === 'accepted' && !o.duplicate ? o.events : []))
    .sort((a, b) => a.position - b.position);
  const caused: number[] = [];
  if (appended.length > 0) host.head = Math.max(host.head, appended.at(-1)?.position ?? 0);
  if (appended.length > 0 && host.deps.views === 'in-write') {
    // No message: the views were written with the commit (or are queries on the one model).
    // They are read now, and shown with the commit, so none is ever seen behind it.
    const shown = await Promise.all(
      [...host.views.values()].map((slot) =>
        slot.endpoint
          ? slot.endpoint.refresh(appended, host.head).catch(() => null)
          : Promise.resolve(null),
      ),
    );
    host.emit({ kind: 'appended', events: appended, head: host.head });
    for (const traced of shown) if (traced) replay(host, traced);
  } else if (appended.length > 0) {
    host.emit({ kind: 'appended', events: appended, head: host.head });
    const payload: EventsDelivery = { kind: 'events', events: appended, head: host.head };
    for (const view of host.views.keys())
      caused.push(
        send(
          host,
          {
            kind: 'events',
            from: WRITE_MODEL,
            to: view,
            causationId: messages[0]?.id ?? null,
            payload,
          },
          replyAt,
        ),
      );
  }
  outcomes.forEach((outcome, i) =>
    caused.push(
      send(
        host,
        {
          kind: 'outcome',
          from: WRITE_MODEL,
          to: UI,
          causationId: messages[i]?.id ?? null,
          payload: outcome,
        },
        replyAt,
      ),
    ),
  );
  const recorded = outcomes.flatMap((o) =>
    (o.status === 'accepted' && !o.duplicate) || o.status === 'rejected' ? [o.commandId] : [],
  );
  return {
    delivery,
    caused,
    undo: async () => {
      if (recorded.length === 0) return;
      host.head = await writeModel(host).undo(recorded);
      host.emit({ kind: 'unappended', head: host.head });
      for (const slot of host.views.values())
        if (slot.endpoint) replay(host, await slot.endpoint.headMovedTo(host.head));
    },
  };
};

const deliverToView = async (
  host: Host,
  delivery: BusDelivery,
  replyAt: number,
): Promise<HistoryEntry> => {
  const first = delivery.messages[0];
  const endpoint = first && host.views.get(first.to)?.endpoint;
  if (!first || !endpoint) throw new Error(`${first?.to ?? 'A view'} is not running`);
  if (first.kind === 'events') {
    const result = replay(host, await endpoint.apply(mergeDeliveries(delivery.messages)));
    applied(host, first.to, result.checkpoint);
    return {
      delivery,
      caused: [],
      undo: async () => {
        // The view may have been restarted since: undo through whichever worker hosts it now.
        const current = host.views.get(first.to)?.endpoint ?? endpoint;
        if (result.undo && replay(host, await current.undo(result.undo))) return;
        replay(host, await current.rebuild(() => undefined)); // it moved on since: rebuild honestly
      },
    };
  }
  const caused = [];
  for (const message of delivery.messages.filter(isKind('query'))) {
    const { query } = message.payload;
    const answer = replay(host, await endpoint.ask(query));
    caused.push(
      send(
        host,
        {
          kind: 'answer',
          from: first.to,
          to: UI,
          causationId: message.id,
          payload: { query, answer },
        },
        replyAt,
      ),
    );
  }
  return { delivery, caused, undo: () => Promise.resolve() };
};

/**
 * A view applied events up to `checkpoint`. When the design relays from an outbox and every view
 * has now applied more than before, the write model is told it may delete those rows.
 */
const applied = (host: Host, view: string, checkpoint: number) => {
  const slot = host.views.get(view);
  if (slot) slot.checkpoint = Math.max(slot.checkpoint, checkpoint);
  if (host.deps.views !== 'outbox' || !host.write) return;
  const lowest = Math.min(...[...host.views.values()].map((s) => s.checkpoint));
  if (lowest <= host.relayed) return;
  const before = host.relayed;
  host.relayed = lowest;
  // Pruning is housekeeping: after a failure the rows are deleted with the next one.
  host.write.relayed(lowest).catch(() => {
    host.relayed = before;
  });
};

/**
 * Hands one delivery to its receiver and sends what it replies. Returns what a step back needs,
 * or null if the receiver could not take it (its messages are pending again).
 */
export const handOver = async (host: Host, delivery: BusDelivery): Promise<HistoryEntry | null> => {
  const first = delivery.messages[0];
  if (!first) return null;
  host.emit({
    kind: 'delivered',
    ids: delivery.messages.map((m) => m.id),
    at: delivery.at,
    to: first.to,
  });
  const replyAt = delivery.at + host.scheduler.settingsOf(first.to).processingMs;
  try {
    if (first.to === UI) return { delivery, caused: [], undo: () => Promise.resolve() };
    if (first.to === WRITE_MODEL) return await deliverCommands(host, delivery, replyAt);
    return await deliverToView(host, delivery, replyAt);
  } catch (error) {
    // The receiver died or failed mid-delivery: nothing is lost, the messages wait for it and
    // are tried again a little later (in virtual time), not in a tight loop.
    host.scheduler.requeue(delivery.messages, RETRY_AFTER_MS);
    host.emit({ kind: 'undelivered', messages: delivery.messages.map(summarize), withdrawn: [] });
    host.emit({
      kind: 'notice',
      text: `${first.to} could not take message #${first.id}: ${String(error)}`,
    });
    return null;
  }
};

/** Keeps a hand-over for Step back (the oldest are forgotten past a limit). */
export const remember = (host: Host, entry: HistoryEntry) => {
  host.history.push(entry);
  if (host.history.length > HISTORY_LIMIT) host.history.shift();
};

/** Hands one delivery over; false if its receiver could not take it. */
export const perform = async (host: Host, delivery: BusDelivery): Promise<boolean> => {
  const entry = await handOver(host, delivery);
  if (entry) remember(host, entry);
  return entry !== null;
};

const isView = (receiver: string | undefined) =>
  receiver !== undefined && receiver !== UI && receiver !== WRITE_MODEL;

/**
 * Takes the next delivery due by `until` and, when it goes to a view, the deliveries due next to
 * other views too: views do not wait for one another, so they are handed over at the same time
 * (one delivery per view at most, so each view still sees its mail in order).
 */
export const takeDue = (host: Host, until: number): BusDelivery[] => {
  const { scheduler } = host;
  const first = scheduler.take({ until, batch: true });
  if (!first) return [];
  const group = [first];
  const receivers = new Set([first.messages[0]?.to]);
  if (!isView(first.messages[0]?.to)) return group;
  for (let next = scheduler.peek(); next; next = scheduler.peek()) {
    if (!isView(next.to) || receivers.has(next.to)) break;
    const delivery = scheduler.take({ until, batch: true });
    if (!delivery) break;
    group.push(delivery);
    receivers.add(next.to);
  }
  return group;
};

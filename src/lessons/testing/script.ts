// How a chapter spec plays a chapter: the script type, and builders for the shop's observations.
import type { ViewPhase } from '../../bus/protocol';
import type { StoredEvent } from '../../domain/types';
import type { ViewName } from '../../domain/views';
import type { Handed, Observation, ViewSnapshot } from '../types';
import { storyStart, tell } from '../chapters/story';
import { event, observation } from './observation';

/**
 * How a chapter is played: its starting state, the learner doing the task (the observations after
 * the start), and attempts that come close without doing it (each a whole sequence from a start).
 * `hidden` names the near misses that must not reveal the prediction's answer either.
 */
export type Script = {
  start: Observation;
  task: readonly Observation[];
  nearMisses: Readonly<Record<string, readonly Observation[]>>;
  hidden: readonly string[];
};

/** The scripts of a group of chapters, by chapter id. */
export type Scripts = Readonly<Record<string, () => Script>>;

export const snapshot = (
  phase: ViewPhase,
  checkpoint: number,
  rebuiltEvents?: number,
): ViewSnapshot => ({
  phase,
  checkpoint,
  rebuiltEvents,
});

const SHOP_VIEWS: readonly ViewName[] = [
  'Order status',
  'Stock levels',
  'Sales dashboard',
  'Product search',
];

/** Every shop view running at `checkpoint`, except those given. */
export const views = (
  checkpoint: number,
  except: Partial<Record<ViewName, ViewSnapshot>> = {},
): Partial<Record<ViewName, ViewSnapshot>> => ({
  ...Object.fromEntries(SHOP_VIEWS.map((name) => [name, snapshot('running', checkpoint)])),
  ...except,
});

export const answer = (
  from: ViewName,
  deliveredAt: number,
  asOf: number,
  head: number,
  asked: Handed['asked'] = 'key',
): Handed => ({
  kind: 'answer',
  from,
  to: 'UI',
  deliveredAt,
  asOf,
  head,
  asked,
});

export const query = (to: ViewName, deliveredAt: number): Handed => ({
  kind: 'query',
  from: 'UI',
  to,
  deliveredAt,
});

/** The hand-overs of one command that was decided and sent to every view, the last at `at`. */
export const written = (at: number): Handed[] => [
  { kind: 'command', from: 'UI', to: 'Write model', deliveredAt: at - 200 },
  { kind: 'outcome', from: 'Write model', to: 'UI', deliveredAt: at - 100 },
  ...SHOP_VIEWS.map((to) => ({ kind: 'events', from: 'Write model', to, deliveredAt: at })),
];

/** Virtual time of the last hand-over while the scenario's history was written. */
export const READY = 1000;

/** A scenario's starting state: its history in the log, every view up to date. */
export const ready = (events: StoredEvent[], over: Partial<Observation> = {}): Observation =>
  observation({
    events,
    head: events.length,
    views: views(events.length),
    delivered: written(READY),
    ...over,
  });

export const next = (previous: Observation, over: Partial<Observation>): Observation => ({
  ...previous,
  ...over,
});

export const appending = (
  previous: Observation,
  ...events: StoredEvent[]
): Partial<Observation> => ({
  events: [...previous.events, ...events],
  head: Math.max(previous.head, ...events.map((e) => e.position)),
});

export const delivering = (previous: Observation, ...handed: Handed[]): Partial<Observation> => ({
  delivered: [...previous.delivered, ...handed],
});

/** A script whose near misses all leave the prediction's answer unrevealed too. */
export const everyNearMissHidden = (script: Omit<Script, 'hidden'>): Script => ({
  ...script,
  hidden: Object.keys(script.nearMisses),
});

/** The observation after `from` in which the workbench reported `activity` too. */
export const did = (from: Observation, ...activity: string[]): Observation =>
  next(from, { activity: [...from.activity, ...activity] });

/** The log a chapter's scenario writes (the shop's story so far, then its beat), with real data. */
export const storyLog = (chapterId: string): StoredEvent[] =>
  tell(storyStart(chapterId)).events.map((e) => ({ ...event(e.position, e.type), ...e }));

/** An order placed for one unit of `sku`, appended at `position`: its two events. */
export const orderAt = (position: number, orderId: string, sku = 'SKU-1'): StoredEvent[] => [
  event(position, 'OrderPlaced', `order-${orderId}`),
  event(position + 1, 'StockReserved', `product-${sku}`),
];

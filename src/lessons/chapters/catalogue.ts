// The course's table of contents: each chapter's name, number, goal and the parts of the lab it
// uses, and the topics that group them. The page needs these at once (the course map, the chapter
// list, a chapter's address); what a chapter says and runs (index.ts) is loaded when one is opened.
import type { ChapterInfo } from '../types';

export const CATALOGUE: readonly ChapterInfo[] = [
  {
    id: 'commands-and-queries',
    number: 1,
    title: 'Commands and queries',
    goal: 'After this chapter you can tell a command from a query, and explain what CQRS separates and what it leaves open.',
    parts: ['Commands', 'Stock levels', 'Event log'],
  },
  {
    id: 'events-are-facts',
    number: 2,
    title: 'Events are facts',
    goal: 'After this chapter you can explain what event sourcing stores, how the current state is derived from it, and why it is a separate choice from CQRS.',
    parts: ['Commands', 'Event log', 'Product search'],
  },
  {
    id: 'projections',
    number: 3,
    title: 'Projections shape data for reading',
    goal: 'After this chapter you can explain what a projection does, and why one log can feed views of very different shapes.',
    parts: ['Product search', 'Stock levels', 'Sales dashboard', 'Event log'],
  },
  {
    id: 'stale-read',
    number: 4,
    title: 'The stale read',
    goal: 'After this chapter you can explain what an answer from a view behind the log tells you, and tell a possibly stale answer from a stale one.',
    parts: ['Stock levels', 'Event log', 'Messages in flight', 'Flow', 'Timeline'],
  },
  {
    id: 'read-your-writes',
    number: 5,
    title: 'Read-your-writes',
    goal: 'After this chapter you can explain what “read your own writes” asks of a system with asynchronous views, and weigh four ways to provide it.',
    parts: ['Account balances', 'Event log'],
  },
  {
    id: 'optimistic-concurrency',
    number: 6,
    title: 'Optimistic concurrency',
    goal: 'After this chapter you can explain what optimistic concurrency protects that the rules alone do not, and tell a broken invariant from a lost update and a false conflict.',
    parts: ['Event log', 'Stock levels'],
  },
  {
    id: 'rebuild',
    number: 7,
    title: 'Rebuild from history',
    goal: 'After this chapter you can explain what a rebuild does to a view, what it costs, and which pattern makes it possible.',
    parts: ['Product search', 'Event log'],
  },
  {
    id: 'failure-and-catch-up',
    number: 8,
    title: 'Failure and catch-up',
    goal: 'After this chapter you can explain how a view recovers after a crash, and when at-least-once delivery is safe.',
    parts: ['Stock levels', 'Commands', 'Order status', 'Flow', 'Event log'],
  },
  {
    id: 'time-travel',
    number: 9,
    title: 'Time travel',
    goal: 'After this chapter you can explain how past states are recomputed from the log, and what such a recomputation can and cannot show.',
    parts: ['Time travel', 'Event log'],
  },
  {
    id: 'without-cqrs',
    number: 10,
    title: 'Four designs, one workload',
    goal: 'After this chapter you can say which costs of the four designs belong to CQRS, which to asynchronous views and which to event sourcing, and read what your own machine measured for each.',
    parts: [],
  },
  {
    id: 'when-not-to-use-cqrs',
    number: 11,
    title: 'When not to use CQRS',
    goal: 'After this chapter you can tell which design a system needs from what it must do, when a single model is the better choice, and which pattern each cost belongs to.',
    parts: [],
  },
  {
    id: 'snapshots',
    number: 12,
    title: 'Snapshots',
    goal: 'After this chapter you can explain what a snapshot of an aggregate is, what work it spares the write model before a command is decided, and why it can always be thrown away.',
    parts: ['Account balances', 'Event log'],
  },
  {
    id: 'upcasting',
    number: 13,
    title: 'Changing an event’s shape',
    goal: 'After this chapter you can explain why a stored event keeps the shape it was written in, and how an upcaster lets today’s code read every older shape.',
    parts: ['Event log'],
  },
  {
    id: 'blue-green',
    number: 14,
    title: 'Rebuilding without downtime',
    goal: 'After this chapter you can explain what rebuilding a view costs the queries asked meanwhile, and how building a new version beside the old one changes that.',
    parts: ['Event log'],
  },
  {
    id: 'process-manager',
    number: 15,
    title: 'A process across aggregates',
    goal: 'After this chapter you can explain how a process manager carries an order across aggregates that each decide alone, compensates a step that fails, and what a crash in the middle of a step does.',
    parts: [],
  },
  {
    id: 'consistency-boundaries',
    number: 16,
    title: 'Where the boundary goes',
    goal: 'After this chapter you can explain what drawing a consistency boundary around the order and its stock, or between them, costs under load: contention and retries on one side, an order accepted and then cancelled on the other.',
    parts: [],
  },
  {
    id: 'outbox',
    number: 17,
    title: 'Saving and publishing together',
    goal: 'After this chapter you can explain why saving a change and publishing a message about it are two writes that a crash can split, and how an outbox and its relay keep them together.',
    parts: [],
  },
];

export const infoById = (id: string): ChapterInfo | undefined => CATALOGUE.find((c) => c.id === id);

/** A chapter's entry, for the chapter modules to build on; throws on an id the catalogue lacks. */
export const infoOf = (id: string): ChapterInfo => {
  const info = infoById(id);
  if (!info) throw new Error(`The catalogue has no chapter "${id}"`);
  return info;
};

/** The course map: the chapters grouped by what they are about, in reading order. */
const TOPICS: readonly { title: string; ids: readonly string[] }[] = [
  {
    title: 'Commands, events and views',
    ids: ['commands-and-queries', 'events-are-facts', 'projections'],
  },
  { title: 'Consistency', ids: ['stale-read', 'read-your-writes', 'optimistic-concurrency'] },
  { title: 'Running a log', ids: ['rebuild', 'failure-and-catch-up', 'time-travel'] },
  { title: 'Choosing a design', ids: ['without-cqrs', 'when-not-to-use-cqrs'] },
  {
    title: 'Living with a growing log',
    ids: ['snapshots', 'upcasting', 'blue-green'],
  },
  {
    title: 'Across aggregates and services',
    ids: ['process-manager', 'consistency-boundaries', 'outbox'],
  },
];

export const CHAPTER_TOPICS: readonly { title: string; chapters: readonly ChapterInfo[] }[] =
  TOPICS.map(({ title, ids }) => ({
    title,
    chapters: ids.flatMap((id) => infoById(id) ?? []),
  }));

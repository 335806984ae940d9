// What a chapter is made of. Pure data and pure functions: the UI runs them against the live system.
import type { ViewPhase } from '../bus/protocol';
import type { CommandInput } from '../domain/lab';
import type { StoredEvent } from '../domain/types';
import { VIEW_NAMES, type ViewName } from '../domain/views';

/** A message the bus handed over, as a chapter sees it (answers carry the positions they were served at). */
export type Handed = {
  kind: string;
  from: string;
  to: string;
  deliveredAt: number;
  asOf?: number;
  head?: number;
  /** For an answer: the kind of question it answered (one key, all rows, a text search). */
  asked?: 'all' | 'key' | 'text';
};

/** How a chapter sets the system up, so the same steps always give the same result. */
export type Scenario = {
  domain: 'shop' | 'bank';
  /** Delivery delay per receiver (ms of virtual time); the defaults apply to the rest. */
  delays?: Partial<Record<string, number>>;
  /** Views paused before the history is written, so they miss it. */
  pausedViews?: readonly ViewName[];
  /** Commands run to completion before the learner starts (each must be accepted). */
  history: readonly CommandInput[];
  /** Commands sent last and left in flight, for the learner to step through. */
  inFlight?: readonly CommandInput[];
  /** Whether the bus is playing when the chapter starts, or waiting for steps. */
  playing: boolean;
};

/** What a chapter can see of the live system at one moment. */
export type Observation = {
  /** The log's newest events, oldest first: the whole of a chapter's log (the page keeps 1,000). */
  events: readonly StoredEvent[];
  head: number;
  views: Partial<Record<ViewName, ViewSnapshot>>;
  /** Messages the bus has handed over (bounded: the most recent few thousand). */
  delivered: readonly Handed[];
  /** The event selected in the log, if any. */
  selectedEvent: number | null;
  timeTravel: { position: number; streamId: string } | null;
  /** What a chapter's own workbench reported (e.g. a clerk's sale refused as stale). */
  activity: readonly string[];
};

export type ViewSnapshot = {
  phase: ViewPhase;
  checkpoint: number;
  /** How many events the last rebuild from #0 replayed, if the view was rebuilt. */
  rebuiltEvents?: number | undefined;
  /** Events the view applied a second time (only possible with its duplicate check off). */
  reapplied?: number | undefined;
};

/**
 * A completion check: it folds the observations it sees (from the moment the chapter's scenario is
 * ready) into a small state, and says when the task is done. Some tasks are sequences (kill, write,
 * restart), so a check remembers what it has seen.
 */
export type Check<S> = {
  start: (first: Observation) => S;
  next: (state: S, observation: Observation) => S;
  done: (state: S) => boolean;
  /** One line saying what the check watches for (shown to the learner, and listed in the notes). */
  describe: string;
};

export type Prediction = {
  question: string;
  choices: readonly string[];
  answer: number;
  /** Why the answer is right, shown once revealed. */
  because: string;
  /** What to do to see the answer happen. */
  howToSee: string;
  /** Watches for the moment the system shows the answer. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  revealWhen: Check<any>;
};

/**
 * The parts of the lab a chapter can show, named as their regions are. A chapter shows the ones
 * its story uses, in that order; the rest wait behind `Show the whole lab`.
 */
export const LAB_PARTS = [
  'Commands',
  'Flow',
  'Messages in flight',
  'Timeline',
  'Charts',
  'Event log',
  'Time travel',
  'Load',
  'Export and import',
  ...VIEW_NAMES,
] as const;
export type LabPart = (typeof LAB_PARTS)[number];

/** Something seen since a demonstration (or a chapter) started. */
export type Seen = (first: Observation, now: Observation) => boolean;

/**
 * One thing a demonstration does on the page, as the learner would, naming controls by their
 * accessible names: type into a form's field, press a button (or tick a box), or press one again
 * and again until something is seen (Step forward until the order is in the log).
 */
export type DemoAct =
  | { kind: 'fill'; form: string; field: string; value: string }
  /** Presses a control, inside the form or group named `within` if there are several. */
  | { kind: 'press'; control: string; within?: string }
  | { kind: 'press-until'; control: string; until: Seen }
  /** Selects the row of a table holding these cells (the last such row, if `last`). */
  | { kind: 'press-row'; table: string; cells: readonly string[]; last?: boolean };

/** A named step of a chapter's demonstration, and what it waits to see before the next. */
export type DemoStep = { says: string; acts: readonly DemoAct[]; until?: Seen };

/** Chapter-specific controls shown with the task. */
export type Workbench =
  | 'two-writers'
  | 'duplicate-check'
  | 'read-your-writes'
  | 'designs'
  | 'costs'
  | 'snapshots'
  | 'versioning'
  | 'blue-green'
  | 'process-manager'
  | 'boundaries'
  | 'outbox';

/** What the page knows of a chapter before it is opened (chapters/catalogue.ts). */
export type ChapterInfo = Pick<Chapter, 'id' | 'number' | 'title' | 'goal' | 'parts'>;

export type Chapter = {
  /** The URL names the chapter: #/lessons/<id>. */
  id: string;
  number: number;
  title: string;
  /** One sentence shown first: "After this chapter you can explain …". */
  goal: string;
  /** The story: the shop's (or bank's) situation that creates the need, pain before pattern. */
  text: readonly string[];
  /** What to do, in one or two sentences. */
  task: string;
  /** Accessible names of the controls to use; they are highlighted on the page. */
  highlight: readonly string[];
  /** The parts of the lab the story uses, in its order (its workbench is shown with the task). */
  parts: readonly LabPart[];
  scenario: Scenario;
  /** A chapter-specific set of controls shown with the task. */
  workbench?: Workbench;
  /** `Show me how`: the task, played step by step on the live lab. */
  demo: readonly DemoStep[];
  prediction: Prediction;
  // Checks keep their own state shapes; a chapter only needs to run one.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  check: Check<any>;
  /** Shown once the chapter is done: what to keep, and what real systems do differently. */
  takeaway: {
    /** Two sentences. */
    text: string;
    /** "In production": what real event stores, brokers or databases do, naming no users. */
    inProduction: string;
  };
};

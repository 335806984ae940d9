// The one typed contract between the page and its workers: every message on the bus (a union by
// kind, so each kind's payload is known), the trace the workers send the screen, the values the
// bus and its receivers hand each other, and the API each receiver's worker offers the bus.
// Messages are plain data: the learner can see every one of them.
import type { LabCommand } from '../domain/lab';
import type { StoredEvent } from '../domain/types';
import type { FieldIssue } from '../domain/validation';

/** Who sends and receives: the UI, the write model, or a read view by its name. */
export type Endpoint = string;
export const UI = 'UI';
export const WRITE_MODEL = 'Write model';
/** The bus itself, as the learner sees it in the diagram. */
export const BUS = 'Bus';

/** What became of a command: plain data, safe to send across the worker boundary. */
export type CommandOutcome =
  | { status: 'accepted'; commandId: string; events: StoredEvent[]; duplicate: boolean }
  | { status: 'rejected'; commandId: string; reason: string }
  | { status: 'invalid'; commandId: string | undefined; reason: string; issues: FieldIssue[] }
  /** The store could not take it (e.g. storage full); nothing of it was written. */
  | { status: 'failed'; commandId: string; reason: string };

/** Appended events on their way from the write model to a projection. */
export type EventsDelivery = {
  kind: 'events';
  events: StoredEvent[];
  /** The log's head position when the batch was sent. */
  head: number;
};

/** What a query asks a view: everything, one row, or (for a search view) some text. */
export type ViewQuery =
  { kind: 'all' } | { kind: 'key'; key: string } | { kind: 'text'; text: string };

/** A read answers with its data and how fresh it is. */
export type QueryAnswer<T> = {
  data: T;
  asOfPosition: number;
  headPosition: number;
  servedBy: string;
};

/** One row of a view: its key and value (`null`: the row was deleted). */
export type RowChange = { key: string; value: unknown };

/** How to take one delivery back: the rows as they were, and the checkpoints before and after. */
export type ViewUndo = { before: RowChange[]; fromCheckpoint: number; toCheckpoint: number };

export type ApplyResult = { checkpoint: number; head: number; undo: ViewUndo | null };

/** Where a view stands after a start, rebuild or catch-up. */
export type ViewPosition = { checkpoint: number; head: number };

/** A start's or rebuild's progress, reported as it reads the log. */
export type Progress = (done: number, total: number) => void;

/** What each kind of message carries. */
type Payloads = {
  /** From the UI (a form, a scenario or the workload) to the write model. */
  command: LabCommand;
  /** The write model's reply to one command. */
  outcome: CommandOutcome;
  /** Appended events, from the write model to one view. */
  events: EventsDelivery;
  /** From the UI to one view. */
  query: { query: ViewQuery };
  /** The view's reply to one query. */
  answer: { query: ViewQuery; answer: QueryAnswer<unknown> };
};

export type MessageKind = keyof Payloads;

type Addressed = { from: Endpoint; to: Endpoint; causationId: number | null };
/** What the bus adds when it sends: an id and virtual times, in ms since the simulation began. */
type Stamped = { id: number; sentAt: number; deliverAt: number };

type Union<P extends Record<MessageKind, unknown>, Extra> = {
  [K in MessageKind]: Extra & { kind: K; payload: P[K] };
}[MessageKind];

/** A message before the bus sends it. */
export type Outbound = Union<Payloads, Addressed>;

/** A message on the bus. */
export type Message = Union<Payloads, Addressed & Stamped>;

/** What the trace shows of an events message: its positions, not the events. */
export type EventsSummary = { count: number; first: number; last: number; head: number };

/** A message as the trace shows it to the page: the same, with events summarized. */
export type TraceMessage = Union<
  Omit<Payloads, 'events'> & { events: EventsSummary },
  Addressed & Stamped
>;

/** A message of one kind. */
export type MessageOf<K extends MessageKind> = Extract<Message, { kind: K }>;

/** A guard for one kind, to narrow a delivery's messages without a cast. */
export const isKind =
  <K extends MessageKind>(kind: K) =>
  (message: Message): message is MessageOf<K> =>
    message.kind === kind;

/** How one receiver's mail is handled. */
export type SubscriberSettings = {
  /** Fixed delivery delay (ms of virtual time). */
  delayMs: number;
  /** Extra delay drawn from [0, jitterMs), seeded. */
  jitterMs: number;
  /** How long the receiver is busy with each delivery; its replies leave after this. */
  processingMs: number;
  /** Most messages handed over in one delivery when running live (stepping hands over one). */
  batchSize: number;
};

// ---- The trace: a compact record of what happened, sent from the workers to the screen. Every
// part of the UI renders from it, so the parts never disagree.

/** How a read view is doing, as the bus sees it. */
export type ViewPhase = 'starting' | 'running' | 'paused' | 'stopped' | 'rebuilding';

export type ClockFrame = {
  kind: 'clock';
  now: number;
  pending: number;
  playing: boolean;
  speed: number;
  /** Deliveries that Step back can take back. */
  history: number;
};

export type TraceFrame =
  | { kind: 'appended'; events: StoredEvent[]; head: number }
  /** A step back took appended events away: the log now ends at `head`. */
  | { kind: 'unappended'; head: number }
  | {
      kind: 'view-snapshot';
      view: string;
      /** The rows the view's panel shows (domain/screens.ts), not necessarily all of the view. */
      rows: RowChange[];
      checkpoint: number;
      head: number;
      /** How many rows the view holds that its panel shows; absent: `rows` is all of them. */
      total?: number;
    }
  | {
      kind: 'view-changed';
      view: string;
      /** `value: null` means the row was deleted (or left the panel's rows). */
      changes: RowChange[];
      /** As in a snapshot; absent: unchanged. */
      total?: number;
      checkpoint: number;
      head: number;
      /** Events applied again although already applied (only with the duplicate check off). */
      reapplied?: number;
      /** When the change was committed: real time, ms since the epoch (comparable across workers). */
      at?: number;
    }
  /** A view's duplicate check was turned off or on again. */
  | { kind: 'view-duplicate-check'; view: string; on: boolean }
  | {
      kind: 'view-phase';
      view: string;
      phase: ViewPhase;
      progress?: { done: number; total: number };
    }
  /** A rebuild from position 0 finished: how many events it read and how long it took (real ms). */
  | { kind: 'view-rebuilt'; view: string; events: number; ms: number }
  | { kind: 'sent'; message: TraceMessage }
  | { kind: 'delivered'; ids: number[]; at: number; to: string }
  /** Step back: these messages are pending again; `withdrawn` ones (replies) are gone. */
  | { kind: 'undelivered'; messages: TraceMessage[]; withdrawn: number[] }
  | { kind: 'dropped'; ids: number[] }
  | ClockFrame
  /** The workload generator: how many of its messages it has sent so far. */
  | { kind: 'load'; running: boolean; sent: number; total: number }
  | { kind: 'notice'; text: string }
  | { kind: 'reset' };

export type TraceListener = (frames: TraceFrame[]) => void;

/** A call's result plus the trace frames the receiver produced while handling it. */
export type Traced<T> = { value: T; frames: TraceFrame[] };

// ---- What each receiver's worker offers the bus. The worker's API module implements the type
// (`satisfies`), and the bus calls it through `remote<…>()`: a method missing on either side
// fails the typecheck.

/** A view's worker: every answer carries the trace frames the view produced meanwhile. */
export type ViewApi = {
  /** Catches up from the view's checkpoint (a first start or a restart). */
  start: (progress: Progress) => Promise<Traced<ViewPosition>>;
  apply: (delivery: EventsDelivery) => Promise<Traced<ApplyResult>>;
  /** Takes one delivery back (step back); false if the view has moved on since. */
  undo: (undo: ViewUndo) => Promise<Traced<boolean>>;
  /** Empties the view and replays the log from position 0. */
  rebuild: (progress: Progress) => Promise<Traced<ViewPosition>>;
  reset: () => Promise<Traced<void>>;
  /** The log was cut back to `position` (step back): the view forgets what lies beyond. */
  headMovedTo: (position: number) => Promise<Traced<ViewPosition>>;
  ask: (query: ViewQuery) => Promise<Traced<QueryAnswer<unknown>>>;
  setDuplicateCheck: (on: boolean) => Promise<Traced<void>>;
  /** Another tab appended: reads what the view has not seen. */
  catchUp: () => Promise<Traced<ViewPosition>>;
  /**
   * A design whose views are written (or queried) in the write's own transaction: no events are
   * sent to them; after a commit the view shows what these events changed, up to `head`.
   */
  refresh: (events: StoredEvent[], head: number) => Promise<Traced<void>>;
};

/** The write model's worker, as the bus delivers commands to it. */
export type WriteApi = {
  /** A delivery of commands: each is validated and decided, in order. */
  handle: (commands: LabCommand[]) => Promise<CommandOutcome[]>;
  /** Takes these commands' events out of the log (step back); returns the new head. */
  undo: (commandIds: string[]) => Promise<number>;
  reset: () => Promise<void>;
  /**
   * Every view has applied the events up to `position`: a design that relays from an outbox
   * deletes those rows (the others keep their log and ignore it).
   */
  relayed: (position: number) => Promise<void>;
};

// Hosts one projection: applies delivered events to its read store, skipping duplicates and closing gaps
// by catching up from the event store. Rows and checkpoint are committed together. Every delivery can
// be undone (step back), and the view can be rebuilt from position 0.
import type {
  ApplyResult,
  EventsDelivery,
  Progress,
  QueryAnswer,
  ViewQuery,
  ViewUndo,
  RowChange,
  TraceFrame,
} from '../bus/protocol';
import {
  handlesEvent,
  keysTouched,
  projectBatch,
  type Projection,
  type RowChanges,
} from '../domain/projection';
import type { DomainEvent, StoredEvent } from '../domain/types';
import type { EventStoreDb } from '../eventstore/eventStoreDb';
import { logSource, type EventSource } from '../eventstore/source';
import {
  clearView,
  commitIfAt,
  readAllRows,
  readCheckpoint,
  readRows,
  readScreen,
  restoreRows,
  saveScreen,
  UnreadableStoreError,
  type ReadStoreDb,
} from '../readstore/readStoreDb';
import { createSerialQueue } from '../bus/serialQueue';
import { wallClock } from '../bus/wallClock';
import { alone, type Exclusive } from './viewLock';
import { createScreenSelection, type Screened } from './screen';
import type { Screen } from '../domain/screens';

export type ProjectionHostDeps<R, E extends DomainEvent> = {
  projection: Projection<R, E>;
  readDb: ReadStoreDb;
  trace: (frame: TraceFrame) => void;
  pageSize?: number;
  /** Events a start or rebuild applies in memory before writing (default FLUSH_EVENTS). */
  flushEvents?: number;
  /** Rows a start or rebuild keeps in memory (default CACHE_ROWS). */
  cacheRows?: number;
  /** Keeps the view's instances in other tabs out while this one writes (default: no lock). */
  exclusive?: Exclusive;
  /** The rows the page is sent (default: all of them); see domain/screens.ts. */
  screen?: Screen<R>;
} & (
  | { eventDb: EventStoreDb; source?: never }
  /** Where state is kept in place, missed events come from another source (an outbox). */
  | { source: EventSource; eventDb?: never }
);

/** Events a start or rebuild applies in memory before writing the changed rows and checkpoint. */
const FLUSH_EVENTS = 10_000;
/** Rows a start or rebuild keeps in memory before it lets them go (read back from the store). */
const CACHE_ROWS = 100_000;

const isContiguousFrom = (events: readonly StoredEvent[], next: number) =>
  events.every((event, index) => event.position === next + index);

export const createProjectionHost = <R, E extends DomainEvent>(
  deps: ProjectionHostDeps<R, E>,
  search?: (rows: Record<string, R | undefined>, text: string) => unknown,
) => {
  const { projection, readDb, trace } = deps;
  /** Where missed events are read from: the event log unless another source is given. */
  const source = deps.source ?? logSource(deps.eventDb);
  const view = projection.name;
  const pageSize = deps.pageSize ?? 1000;
  const queue = createSerialQueue();
  const exclusive = deps.exclusive ?? alone;
  /**
   * One task at a time here (`queue`); a task that writes the store also waits while another
   * tab's instance writes it (`serial`). Reads need no lock: every commit is a whole transaction.
   */
  const serial = <T>(work: () => Promise<T>) => queue(() => exclusive(work));
  let checkpoint = 0;
  let head = 0;
  /** While applying one delivery: the first prior value of every row it touched. */
  let recording: { prior: Map<string, R | undefined>; interfered: boolean } | undefined;

  /** A stored record found unreadable before the view could be mended (mended at its start). */
  let unreadable: UnreadableStoreError | undefined;
  // Runs before anything else is queued, so every later task sees the stored checkpoint.
  const ready = queue(async () => {
    try {
      checkpoint = await readCheckpoint(readDb);
    } catch (error) {
      if (!(error instanceof UnreadableStoreError)) throw error;
      unreadable = error;
    }
    head = Math.max(head, await source.head());
  });

  const screen = deps.screen ? createScreenSelection(deps.screen) : undefined;
  /** False after a commit that failed part-way: the screen is then worked out from the rows again. */
  let screenTrusted = true;

  /**
   * Sends the view (what its panel shows of it): from `whole` when the caller holds all of it, from
   * the stored panel rows when there are some (a start: no need to read the whole view), else from
   * every row in the store.
   */
  const sendSnapshot = async (whole?: ReadonlyMap<string, R | undefined>) => {
    const all = async () =>
      whole
        ? [...whole].flatMap(([key, value]) => (value === undefined ? [] : [{ key, value }]))
        : readAllRows<R>(readDb);
    if (!screen) {
      trace({ kind: 'view-snapshot', view, checkpoint, head, rows: await all() });
      return;
    }
    const stored = whole ? undefined : await readScreen(readDb);
    let sent: { rows: RowChange[]; total: number };
    if (stored) {
      const rows = await readRows<R>(readDb, stored.keys);
      sent = screen.load(
        stored.keys.flatMap((key) => {
          const value = rows[key];
          return value === undefined ? [] : [{ key, value }];
        }),
        stored.total,
      );
    } else {
      sent = screen.reset(await all());
      await saveScreen(readDb, checkpoint, { keys: screen.keys(), total: sent.total });
    }
    screenTrusted = true;
    trace({ kind: 'view-snapshot', view, checkpoint, head, ...sent });
  };

  /**
   * Projects `events` and moves the checkpoint to `to`, rows and checkpoint in one transaction.
   * Returns false when the stored checkpoint had moved (another tab's instance applied events): then
   * nothing was written and `checkpoint` now holds the stored one.
   */
  const commit = async (
    events: readonly StoredEvent[],
    to: number,
    reapplied: number,
  ): Promise<boolean> => {
    let screened: Screened | undefined;
    const result = await commitIfAt<R>(
      readDb,
      checkpoint,
      keysTouched(projection, events),
      (rows) => projectBatch(projection, rows, events),
      to,
      screen &&
        ((changes, prior) => {
          if (!screenTrusted) return undefined;
          screened = screen.apply(changes, prior);
          if (screened.refill) return undefined;
          return screened.moved ? { keys: screen.keys(), total: screened.total } : 'unchanged';
        }),
    ).catch((error: unknown) => {
      if (screened) screenTrusted = false; // applied in memory, not stored
      throw error;
    });
    if (!result.applied) {
      checkpoint = result.storedCheckpoint;
      if (recording) recording.interfered = true;
      return false;
    }
    if (recording)
      for (const key of Object.keys(result.changes))
        if (!recording.prior.has(key)) recording.prior.set(key, result.prior[key]);
    checkpoint = to;
    head = Math.max(head, checkpoint);
    trace({
      kind: 'view-changed',
      view,
      changes: screened
        ? screened.changes
        : Object.entries(result.changes).map(([key, value]) => ({ key, value })),
      ...(screened ? { total: screened.total } : {}),
      checkpoint,
      head,
      ...(reapplied > 0 ? { reapplied } : {}),
      at: wallClock(),
    });
    if (screen && (!screened || screened.refill)) await sendSnapshot();
    return true;
  };

  /** Applies events that follow the checkpoint without a gap (see `commit` for false). */
  const applyNext = async (events: readonly StoredEvent[]): Promise<boolean> => {
    const last = events.at(-1);
    return last ? commit(events, last.position, 0) : true;
  };

  /**
   * With the duplicate check off (a fault a lesson turns on), the view applies whatever it is handed,
   * in order, as a consumer that trusts its feed would: a repeated event is applied again.
   */
  let duplicateCheck = true;
  const applyUnchecked = (events: readonly StoredEvent[]) => {
    const seen = new Set<number>();
    let reapplied = 0;
    for (const event of events) {
      if (event.position <= checkpoint || seen.has(event.position)) reapplied += 1;
      seen.add(event.position);
    }
    const to = Math.max(checkpoint, ...events.map((event) => event.position));
    return events.length === 0 ? Promise.resolve(true) : commit(events, to, reapplied);
  };

  /** Reads the log from the checkpoint in pages and applies it; returns whether another tab interfered. */
  const catchUp = async (progress?: Progress): Promise<boolean> => {
    let interfered = false;
    const target = Math.max(head, await source.head());
    head = target;
    progress?.(checkpoint, target);
    for (;;) {
      const page = await source.read(checkpoint + 1, pageSize);
      if (page.length === 0) return interfered;
      if (!(await applyNext(page))) interfered = true;
      progress?.(checkpoint, Math.max(target, checkpoint));
    }
  };

  /**
   * Catches up from the checkpoint for a start or a rebuild, with the rows in memory: each row is
   * read from the store at most once (never, when the view was just emptied), and the changed rows
   * are written with the checkpoint every FLUSH_EVENTS events instead of after every page. A
   * rebuild is bound by writing rows, so each row is written once per flush, not once per event.
   * Returns whether another tab moved the view meanwhile (then it catches up page by page).
   */
  const catchUpBuffered = async (
    progress: Progress | undefined,
    empty: boolean,
  ): Promise<{ interfered: boolean; whole?: ReadonlyMap<string, R | undefined> }> => {
    const target = Math.max(head, await source.head());
    head = target;
    progress?.(checkpoint, target);
    const rows = new Map<string, R | undefined>();
    let dirty = new Map<string, R | null>();
    let last = checkpoint;
    let known = empty;
    const flush = async (): Promise<boolean> => {
      if (last === checkpoint) return true;
      const changes: RowChanges<R> = Object.fromEntries(dirty);
      const result = await commitIfAt<R>(readDb, checkpoint, [], () => changes, last);
      if (!result.applied) {
        checkpoint = result.storedCheckpoint;
        return false;
      }
      checkpoint = last;
      head = Math.max(head, checkpoint);
      // The rows follow in the snapshot a start or rebuild ends with; this says how far it got.
      trace({
        kind: 'view-changed',
        view,
        changes: [],
        checkpoint,
        head,
        at: wallClock(),
      });
      dirty = new Map();
      // Bounded memory on long logs: forget the cache; rows are read back from the store if needed.
      if (rows.size > (deps.cacheRows ?? CACHE_ROWS)) {
        rows.clear();
        known = false;
      }
      return true;
    };
    /** Projects one page into memory and writes when it is time; false if another tab moved the view. */
    const applyPage = async (page: readonly StoredEvent[]): Promise<boolean> => {
      const end = page.at(-1);
      if (!end) return true;
      const handled = page.filter((event) => handlesEvent(projection, event));
      const keys = keysTouched(projection, handled);
      const missing = known ? [] : keys.filter((key) => !rows.has(key));
      if (missing.length > 0) {
        const stored = await readRows<R>(readDb, missing);
        for (const key of missing) rows.set(key, stored[key]);
      }
      const working = Object.fromEntries(keys.map((key) => [key, rows.get(key)]));
      for (const [key, value] of Object.entries(projectBatch(projection, working, handled))) {
        rows.set(key, value ?? undefined);
        dirty.set(key, value);
      }
      last = end.position;
      return last - checkpoint < (deps.flushEvents ?? FLUSH_EVENTS) || flush();
    };
    // The next page is asked for as soon as this one arrives, so reading the log (waiting on
    // IndexedDB) goes on while this worker projects and writes.
    let next = source.read(last + 1, pageSize);
    /** Stops early: the page already asked for is not needed, and its failure is nobody's concern. */
    const leave = () => void next.catch(() => undefined);
    for (;;) {
      const page = await next;
      const end = page.at(-1);
      if (!end) break;
      next = source.read(end.position + 1, pageSize);
      try {
        if (!(await applyPage(page))) {
          leave();
          return { interfered: (await catchUp()) || true };
        }
      } catch (error) {
        leave();
        throw error;
      }
      progress?.(last, Math.max(target, last));
    }
    if (!(await flush())) return { interfered: (await catchUp()) || true };
    // Built from empty and never let go: memory holds the whole view.
    return known ? { interfered: false, whole: rows } : { interfered: false };
  };

  const offer = async (events: readonly StoredEvent[]) => {
    const fresh = events
      .filter((event) => event.position > checkpoint)
      .sort((a, b) => a.position - b.position);
    if (fresh.length === 0) return;
    const contiguous = isContiguousFrom(fresh, checkpoint + 1);
    const refused = contiguous && !(await applyNext(fresh));
    if (contiguous && !refused) return;
    // A gap (a lost delivery), or another tab moved the view on: the event store has the truth.
    // Rows another tab wrote were never traced here, so the screen then gets the whole view again.
    const interfered = (await catchUp()) || refused;
    if (interfered) await sendSnapshot();
  };

  const apply = (delivery: EventsDelivery): Promise<ApplyResult> =>
    serial(() =>
      // Mended, the view holds the log up to its head, this delivery included: nothing to undo.
      mending(
        () => applyDelivery(delivery),
        () => ({ checkpoint, head, undo: null }),
      ),
    );

  const applyDelivery = async (delivery: EventsDelivery): Promise<ApplyResult> => {
    head = Math.max(head, delivery.head);
    const fromCheckpoint = checkpoint;
    recording = { prior: new Map(), interfered: false };
    try {
      if (duplicateCheck) await offer(delivery.events);
      else await applyUnchecked(delivery.events);
      const { prior, interfered } = recording;
      const undo: ViewUndo | null = interfered
        ? null
        : {
            before: [...prior].map(([key, value]) => ({ key, value: value ?? null })),
            fromCheckpoint,
            toCheckpoint: checkpoint,
          };
      return { checkpoint, head, undo };
    } finally {
      recording = undefined;
    }
  };

  const rowsAsRecord = async () =>
    Object.fromEntries((await readAllRows<R>(readDb)).map((row) => [row.key, row.value])) as Record<
      string,
      R | undefined
    >;

  /** A start: catches up from the checkpoint, then sends the whole view to the screen. */
  const startFromCheckpoint = async (progress?: Progress) => {
    // The log was reset or stepped back while this view was down: start again from 0.
    let empty = false;
    if (checkpoint > (await source.head())) {
      await clearView(readDb);
      checkpoint = 0;
      empty = true;
    }
    const { whole } = await catchUpBuffered(progress, empty);
    await sendSnapshot(whole);
  };

  /**
   * Empties the view and builds it again from the log, after a stored row, checkpoint or panel
   * record turned out unreadable: nothing of it is read again, and the page is told why.
   */
  const mend = async (error: UnreadableStoreError, progress?: Progress) => {
    unreadable = undefined;
    await clearView(readDb);
    checkpoint = 0;
    const { whole } = await catchUpBuffered(progress, true);
    await sendSnapshot(whole);
    trace({
      kind: 'notice',
      text: `${view}: ${error.message}. The view was rebuilt from the log, which holds all it is made from.`,
    });
  };
  /** Runs `work`; a stored record it finds unreadable mends the view, and `after` answers instead. */
  const mending = async <T>(work: () => Promise<T>, after: () => T | Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof UnreadableStoreError)) throw error;
      await mend(error);
      return after();
    }
  };
  const position = () => ({ checkpoint, head });

  return {
    ready,
    /** Catches up from the checkpoint, then sends the whole view to the screen. */
    start: (progress?: Progress) =>
      serial(async () => {
        if (unreadable) await mend(unreadable, progress);
        else
          await mending(
            () => startFromCheckpoint(progress),
            () => undefined,
          );
        return position();
      }),
    /** Applies a delivered batch: duplicates are skipped, a gap is closed from the event store first. */
    apply,
    /** Takes the last delivery back (step back). False if the view has moved on since. */
    undo: (undo: ViewUndo) =>
      serial(() =>
        // Mended from the log instead: not undone as asked (the bus then rebuilds it from the log).
        mending(
          async () => {
            const before: RowChanges<R> = Object.fromEntries(
              undo.before.map(({ key, value }) => [key, value as R | null]),
            );
            const restored = await restoreRows(
              readDb,
              undo.toCheckpoint,
              before,
              undo.fromCheckpoint,
            );
            checkpoint = await readCheckpoint(readDb);
            // What the panel shows may now include rows that were not on it: it is sent again.
            if (restored && screen) await sendSnapshot();
            else if (restored)
              trace({ kind: 'view-changed', view, changes: undo.before, checkpoint, head });
            return restored;
          },
          () => false,
        ),
      ),
    /** Empties the view and builds it again from position 0, reporting progress. */
    rebuild: (progress?: Progress) =>
      serial(async () => {
        await clearView(readDb);
        checkpoint = 0;
        const { whole } = await catchUpBuffered(progress, true);
        await sendSnapshot(whole);
        return { checkpoint, head };
      }),
    /** Forgets everything (the log was cleared too). */
    reset: () =>
      serial(async () => {
        await clearView(readDb);
        checkpoint = 0;
        head = 0;
        await sendSnapshot();
      }),
    /** Turns the duplicate check off or on again (a lesson shows what double-applying does). */
    setDuplicateCheck: (on: boolean) =>
      queue(() => {
        duplicateCheck = on;
        return Promise.resolve();
      }),
    /** Reads what another tab appended: everything after the checkpoint, page by page. */
    catchUp: () =>
      serial(async () => {
        await mending(
          async () => {
            if (await catchUp()) await sendSnapshot();
          },
          () => undefined,
        );
        return position();
      }),
    /** Tells the view the log's head moved back (a step back undid an append). */
    headMovedTo: (position: number) =>
      queue(() => {
        head = position;
        return Promise.resolve({ checkpoint, head });
      }),
    /** A learner's question: one row, all rows, or a text search. */
    ask: (query: ViewQuery, { checkHead = true } = {}): Promise<QueryAnswer<unknown>> =>
      queue(async () => {
        const answer = async (): Promise<QueryAnswer<unknown>> => {
          // The answer says how stale it is against the log as it is now, not as last delivered
          // (unless the caller keeps reads off the event store, as the design comparison does).
          if (checkHead) head = Math.max(head, await source.head());
          let data: unknown;
          if (query.kind === 'key')
            data = (await readRows<R>(readDb, [query.key]))[query.key] ?? null;
          else if (query.kind === 'text' && search) data = search(await rowsAsRecord(), query.text);
          else data = (await readAllRows<R>(readDb)).map((row) => row.value);
          return { data, asOfPosition: checkpoint, headPosition: head, servedBy: view };
        };
        try {
          return await answer();
        } catch (error) {
          if (!(error instanceof UnreadableStoreError)) throw error;
          // Reads take no lock; mending writes, so it takes the view's like any write.
          await exclusive(() => mend(error));
          return answer();
        }
      }),
  };
};

export type ProjectionHost = ReturnType<typeof createProjectionHost<unknown, never>>;

// Hosts one projection: applies delivered events to its read store, skipping duplicates and closing gaps
// by catching up from the event store. Rows and checkpoint are committed together.
import type { EventsDelivery } from '../bus/messages';
import type { TraceFrame } from '../bus/trace';
import { handlesEvent, projectBatch, type Projection } from '../domain/projection';
import type { DomainEvent, StoredEvent } from '../domain/types';
import { headPosition, readAll, type EventStoreDb } from '../eventstore';
import {
  commitIfAt,
  readAllRows,
  readCheckpoint,
  type ReadStoreDb,
} from '../readstore/readStoreDb';
import { createSerialQueue } from './serialQueue';

export type ProjectionHostDeps<R, E extends DomainEvent> = {
  projection: Projection<R, E>;
  readDb: ReadStoreDb;
  eventDb: EventStoreDb;
  trace: (frame: TraceFrame) => void;
  pageSize?: number;
};

/** A read answers with its data and how fresh it is. */
export type QueryAnswer<T> = {
  data: T;
  asOfPosition: number;
  headPosition: number;
  servedBy: string;
};

const isContiguousFrom = (events: readonly StoredEvent[], next: number) =>
  events.every((event, index) => event.position === next + index);

export const createProjectionHost = <R, E extends DomainEvent>(deps: ProjectionHostDeps<R, E>) => {
  const { projection, readDb, eventDb, trace } = deps;
  const view = projection.name;
  const serial = createSerialQueue();
  let checkpoint = 0;
  let head = 0;

  // Runs before anything else is queued, so every later task sees the stored checkpoint.
  const ready = serial(async () => {
    checkpoint = await readCheckpoint(readDb);
    head = Math.max(head, await headPosition(eventDb));
  });

  const sendSnapshot = async () => {
    const rows = await readAllRows(readDb);
    trace({ kind: 'view-snapshot', view, rows, checkpoint, head });
  };

  /**
   * Applies events that follow the checkpoint without a gap. Returns false when the stored checkpoint
   * had moved (another tab's instance applied events): then nothing was written and `checkpoint` now
   * holds the stored one.
   */
  const applyNext = async (events: readonly StoredEvent[]): Promise<boolean> => {
    const last = events.at(-1);
    if (!last) return true;
    const handled = events.filter((event) => handlesEvent(projection, event));
    const keys = [...new Set(handled.flatMap((event) => projection.keysOf(event)))];
    const result = await commitIfAt<R>(
      readDb,
      checkpoint,
      keys,
      (rows) => projectBatch(projection, rows, handled),
      last.position,
    );
    if (!result.applied) {
      checkpoint = result.storedCheckpoint;
      return false;
    }
    checkpoint = last.position;
    head = Math.max(head, checkpoint);
    trace({
      kind: 'view-changed',
      view,
      changes: Object.entries(result.changes).map(([key, value]) => ({ key, value })),
      checkpoint,
      head,
    });
    return true;
  };

  /** Reads the log from the checkpoint in pages and applies it; returns whether another tab interfered. */
  const catchUp = async (): Promise<boolean> => {
    let interfered = false;
    for (;;) {
      const page = await readAll(eventDb, {
        fromPosition: checkpoint + 1,
        limit: deps.pageSize ?? 1000,
      });
      if (page.length === 0) return interfered;
      if (!(await applyNext(page))) interfered = true;
    }
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

  return {
    ready,
    /** Catches up from the checkpoint, then sends the whole view to the screen. */
    start: () =>
      serial(async () => {
        await catchUp();
        await sendSnapshot();
      }),
    /** Applies a delivered batch: duplicates are skipped, a gap is closed from the event store first. */
    deliver: (delivery: EventsDelivery) =>
      serial(async () => {
        head = Math.max(head, delivery.head);
        await offer(delivery.events);
      }),
    query: (): Promise<QueryAnswer<R[]>> =>
      serial(async () => ({
        data: (await readAllRows<R>(readDb)).map((row) => row.value),
        asOfPosition: checkpoint,
        headPosition: head,
        servedBy: view,
      })),
  };
};

// A writer of chapter 6's race: one of two write workers (as two servers would be) sharing the
// lab's event store. Unlike the write model, it decides outside the append's transaction, on the
// stream as it read it earlier, as a clerk's screen or a request handler would. What keeps two such
// writers from breaking an invariant is the append's expected version: with the check on, an append
// decided on a version that is no longer current is refused whole; in the naive store mode (the
// check off: expected version "any") both appends go in, and the log holds what neither checked.
import { foldLab, labDomain, type LabCommand } from '../domain/lab';
import { productStream } from '../domain/shop/events';
import { available } from '../domain/shop/shop.state';
import { DomainError, type StoredEvent } from '../domain/types';
import {
  append,
  ConcurrencyError,
  headPosition,
  readStream,
  type EventStoreDb,
} from '../eventstore';
import type { StreamAppend } from '../eventstore/appendBatch';

/** What a writer saw when it read a product: the stream's version, and its stock and price then. */
export type WriterRead = {
  sku: string;
  version: number;
  available: number | null;
  price: number | null;
};

export type WriterOutcome =
  | {
      status: 'appended';
      events: { type: string; position: number; version: number }[];
      /** The product's stock as the log holds it after this append (folded from its stream). */
      availableAfter: number | null;
    }
  /** A rule said no, on the state as this writer read it. */
  | { status: 'refused'; reason: string }
  /** The append's version check said no: the stream had moved since the read. Nothing appended. */
  | { status: 'conflict'; reason: string; movedBy: string[] };

type Held = { version: number; events: StoredEvent[] };

export type RaceWriterDeps = {
  db: EventStoreDb;
  /** Tells the page (and other tabs) that the log grew, so views catch up as with another tab. */
  told?: (head: number) => void;
  now?: () => string;
};

export const createRaceWriter = ({
  db,
  told,
  now = () => new Date().toISOString(),
}: RaceWriterDeps) => {
  const reads = new Map<string, Held>();

  const read = async (sku: string): Promise<WriterRead> => {
    const events = await readStream(db, productStream(sku));
    reads.set(sku, { version: events.length, events });
    const product = foldLab(events).shop.products[sku];
    return {
      sku,
      version: events.length,
      available: product ? available(product) : null,
      price: product?.price ?? null,
    };
  };

  /** Decides `command` on what was read of `sku`, and appends it, checking the version or not. */
  const decideAndAppend = async (
    sku: string,
    command: LabCommand,
    checkVersion: boolean,
  ): Promise<WriterOutcome> => {
    const held = reads.get(sku);
    if (!held) throw new Error(`Read ${sku} first: a writer decides on what it has read`);
    let decided;
    try {
      decided = labDomain.decide(command, foldLab(held.events));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { status: 'refused', reason: error.message };
    }
    const streams = new Map<string, typeof decided>();
    for (const event of decided) {
      const streamId = labDomain.streamOf(event);
      streams.set(streamId, [...(streams.get(streamId) ?? []), event]);
    }
    const product = productStream(sku);
    const appends: StreamAppend[] = [...streams].map(([streamId, events]) => ({
      streamId,
      // The product as read, or (naive store) whatever version it is at now; other streams are new.
      expectedVersion: streamId !== product ? 'no-stream' : checkVersion ? held.version : 'any',
      events,
    }));
    try {
      const { events } = await append(db, appends, {
        commandId: command.meta.commandId,
        commandType: command.type,
        recordedAt: now(),
      });
      told?.(await headPosition(db));
      const after = foldLab(await readStream(db, product)).shop.products[sku];
      return {
        status: 'appended',
        events: events.map(({ type, position, version }) => ({ type, position, version })),
        availableAfter: after ? available(after) : null,
      };
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      const moved = await readStream(db, product, { fromVersion: held.version + 1 });
      return {
        status: 'conflict',
        reason: `${error.message}. Nothing was appended.`,
        movedBy: moved.map((event) => event.type),
      };
    }
  };

  const meta = () => ({ commandId: crypto.randomUUID(), issuedAt: now() });

  return {
    read,
    /** Sells `quantity` of `sku` to a new order, decided on this writer's last read of it. */
    sell: (orderId: string, sku: string, quantity: number, checkVersion: boolean) =>
      decideAndAppend(
        sku,
        { type: 'PlaceOrder', data: { orderId, lines: [{ sku, quantity }] }, meta: meta() },
        checkVersion,
      ),
    /** Adds `quantity` of `sku` to stock, decided on this writer's last read of it. */
    restock: (sku: string, quantity: number, checkVersion: boolean) =>
      decideAndAppend(
        sku,
        { type: 'Restock', data: { sku, quantity }, meta: meta() },
        checkVersion,
      ),
  };
};

export type RaceWriter = ReturnType<typeof createRaceWriter>;

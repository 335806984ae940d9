// Changing an event's shape (chapter 13): the shop's OrderPlaced events, as revision 1 wrote them,
// copied into a log of the bench's own; revision 2 adds the order's currency. Sales by currency is
// the view revision 2 ships: it reads every OrderPlaced in revision 2's shape, so it stops at the
// first revision-1 event unless an upcaster lifts each old event to the new shape as it is read.
// The log itself is never rewritten.
import Dexie, { type EntityTable, type Table } from 'dexie';
import { z } from 'zod';
import { EVENT_DATA_SCHEMAS } from '../domain/eventSchemas';
import { HOME_CURRENCY, toCents } from '../domain/money';
import { orderStream } from '../domain/shop/events';
import { readAll, type EventStoreDb } from '../eventstore';

export const VERSIONING_STORE_NAME = 'cqrs-lab-versioning';

export const REVISIONS = [1, 2] as const;
export type Revision = (typeof REVISIONS)[number];

/** What the shop sold in before revision 2: revision-1 orders do not say, because all were this. */
export { HOME_CURRENCY };
export const CURRENCIES = [HOME_CURRENCY, 'EUR'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** OrderPlaced as revision 2 reads and writes it: revision 1's fields and the order's currency. */
export const orderPlacedV2 = EVENT_DATA_SCHEMAS.OrderPlaced.extend({
  currency: z.enum(CURRENCIES, {
    error: (issue) =>
      issue.input === undefined
        ? 'it has no currency'
        : `its currency must be one of ${CURRENCIES.join(', ')}`,
  }),
});
export type OrderPlacedV2 = z.infer<typeof orderPlacedV2>;

/** An event as the bench's log stores it: the revision that wrote it beside its data, as written. */
export type StoredOrder = {
  position: number;
  streamId: string;
  version: number;
  type: 'OrderPlaced';
  revision: Revision;
  data: Record<string, unknown>;
  recordedAt: string;
};

export type SalesRow = { currency: string; orders: number; totalCents: number };

/** Where Sales by currency stopped, and why: the event its code could not read. */
export type Stopped = { position: number; revision: Revision; reason: string };

type Checkpoint = {
  key: 'sales';
  /** The last position applied (0: none). */
  position: number;
  stopped: Stopped | null;
  /** Whether it reads through the upcaster; null until it is first built. */
  upcaster: boolean | null;
};
/** Which log the copy was taken from, and whether revision 2 has shipped. */
type Source = { key: 'source'; copiedFrom: string; shipped: boolean };
type Setting = Checkpoint | Source;

export class VersioningDb extends Dexie {
  events!: EntityTable<StoredOrder, 'position'>;
  sales!: Table<SalesRow, string>;
  settings!: Table<Setting, string>;

  constructor(name: string = VERSIONING_STORE_NAME) {
    super(name);
    this.version(1).stores({
      events: '++position, &[streamId+version]',
      sales: 'currency',
      settings: 'key',
    });
  }
}

/** The upcaster: a revision-1 OrderPlaced lifted to revision 2's shape as it is read. */
export const upcastOrder = (event: StoredOrder): Record<string, unknown> =>
  event.revision === 1 ? { ...event.data, currency: HOME_CURRENCY } : event.data;

/** What Sales by currency is handed for `event`: through the upcaster, or as stored. */
export const seenBy = (event: StoredOrder, upcaster: boolean): Record<string, unknown> =>
  upcaster ? upcastOrder(event) : event.data;

/** Sales by currency's handler: revision 2's shape or a stop, never a guess. */
const project = (rows: Map<string, SalesRow>, event: StoredOrder, upcaster: boolean) => {
  const parsed = orderPlacedV2.safeParse(seenBy(event, upcaster));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      position: event.position,
      revision: event.revision,
      reason: `OrderPlaced at #${String(event.position)} (revision ${String(event.revision)}): ${issue?.message ?? 'not revision 2'}`,
    } satisfies Stopped;
  }
  const { currency, total } = parsed.data;
  const row = rows.get(currency) ?? { currency, orders: 0, totalCents: 0 };
  rows.set(currency, {
    ...row,
    orders: row.orders + 1,
    totalCents: row.totalCents + toCents(total),
  });
  return null;
};

/** Events the view applies per transaction, its checkpoint with them. */
const PAGE = 200;

export type SalesView = {
  rows: SalesRow[];
  position: number;
  head: number;
  stopped: Stopped | null;
  upcaster: boolean | null;
};

export type VersioningDeps = { bench: VersioningDb; now?: () => string };

export const createVersioningBench = ({
  bench,
  now = () => new Date().toISOString(),
}: VersioningDeps) => {
  const checkpoint = async (): Promise<Checkpoint> =>
    ((await bench.settings.get('sales')) as Checkpoint | undefined) ?? {
      key: 'sales',
      position: 0,
      stopped: null,
      upcaster: null,
    };
  const source = async () => (await bench.settings.get('source')) as Source | undefined;
  const head = async () =>
    (await bench.events.orderBy(':id').reverse().limit(1).primaryKeys())[0] ?? 0;

  const view = async (): Promise<SalesView> => {
    const { position, stopped, upcaster } = await checkpoint();
    return { rows: await bench.sales.toArray(), position, head: await head(), stopped, upcaster };
  };

  /**
   * Copies the shop's OrderPlaced events from `shop` as revision 1 wrote them, unless the copy was
   * already taken from this very log (a reload keeps the bench as it was; a new log starts it again).
   */
  const prepare = async (shop: EventStoreDb) => {
    const events = (await readAll(shop)).filter((e) => e.type === 'OrderPlaced');
    const first = events[0];
    if (!first) throw new Error('The shop’s log holds no orders to copy');
    const copiedFrom = `${first.meta.recordedAt} #${String(first.position)}`;
    if ((await source())?.copiedFrom !== copiedFrom)
      await bench.transaction('rw', bench.events, bench.sales, bench.settings, async () => {
        await Promise.all([bench.events.clear(), bench.sales.clear(), bench.settings.clear()]);
        await bench.events.bulkAdd(
          events.map(({ streamId, version, data, meta }) => ({
            streamId,
            version,
            type: 'OrderPlaced' as const,
            revision: 1 as const,
            data: { ...(data as Record<string, unknown>) },
            recordedAt: meta.recordedAt,
          })),
        );
        await bench.settings.put({ key: 'source', copiedFrom, shipped: false });
      });
    return { shipped: (await source())?.shipped ?? false, events: await log() };
  };

  /** Every event of the bench's log, as stored. */
  const log = () => bench.events.orderBy(':id').toArray();

  /** Revision 2 ships: from now on, orders are written with their currency. */
  const ship = async () => {
    const found = await source();
    if (!found) throw new Error('The bench has not copied the shop’s orders yet');
    await bench.settings.put({ ...found, shipped: true });
  };

  /** Applies the log from the view's checkpoint on, a page per transaction, until the head or a stop. */
  const catchUp = async () => {
    for (;;) {
      const done = await bench.transaction(
        'rw',
        bench.events,
        bench.sales,
        bench.settings,
        async () => {
          const at = await checkpoint();
          if (at.stopped || at.upcaster === null) return true;
          const page = await bench.events.where(':id').above(at.position).limit(PAGE).toArray();
          if (page.length === 0) return true;
          const rows = new Map((await bench.sales.toArray()).map((row) => [row.currency, row]));
          let position = at.position;
          let stopped: Stopped | null = null;
          for (const event of page) {
            stopped = project(rows, event, at.upcaster);
            if (stopped) break;
            position = event.position;
          }
          // The rows and the checkpoint in one transaction: what was applied, and no more.
          await bench.sales.bulkPut([...rows.values()]);
          await bench.settings.put({ ...at, position, stopped });
          return stopped !== null;
        },
      );
      if (done) return view();
    }
  };

  /** Builds Sales by currency again from #1, reading through the upcaster or not. */
  const rebuild = async ({ upcaster }: { upcaster: boolean }) => {
    await bench.transaction('rw', bench.sales, bench.settings, async () => {
      await bench.sales.clear();
      await bench.settings.put({ key: 'sales', position: 0, stopped: null, upcaster });
    });
    return catchUp();
  };

  /**
   * Appends an order as revision 2 writes it, numbered after the orders in the log (refused before
   * revision 2 ships: the running code has no currency to write), then lets the view catch up.
   */
  const place = async (order: { lines: OrderPlacedV2['lines']; currency: Currency }) => {
    if (!(await source())?.shipped)
      throw new Error(
        'Revision 2 has not shipped: the running code writes OrderPlaced without a currency',
      );
    const numbers = (await log()).map((e) =>
      Number(/^order-ORD-(\d+)$/.exec(e.streamId)?.[1] ?? 0),
    );
    const orderId = `ORD-${String(Math.max(0, ...numbers) + 1)}`;
    const total =
      order.lines.reduce((sum, line) => sum + toCents(line.unitPrice) * line.quantity, 0) / 100;
    const data = orderPlacedV2.parse({ ...order, orderId, total, placedAt: now() });
    // A new order's stream starts at version 1: the unique index refuses a second writer of it.
    try {
      await bench.events.add({
        streamId: orderStream(orderId),
        version: 1,
        type: 'OrderPlaced',
        revision: 2,
        data,
        recordedAt: now(),
      });
    } catch (error) {
      if (error instanceof Dexie.ConstraintError)
        throw new Error(`Another writer placed ${orderId} first: place the order again`, {
          cause: error,
        });
      throw error;
    }
    return { orderId, view: await catchUp() };
  };

  /** One event as stored, and as the upcaster hands it to Sales by currency. */
  const compare = async (position: number) => {
    const stored = await bench.events.get(position);
    if (!stored) throw new Error(`There is no event #${String(position)} in the bench’s log`);
    return { stored, upcast: upcastOrder(stored) };
  };

  return { prepare, log, ship, rebuild, place, view, catchUp, compare };
};

export type VersioningBench = ReturnType<typeof createVersioningBench>;

// Where the consistency boundary goes, under load (issue 19, item 1). Order desks (each a worker of
// its own, as request handlers on several servers would be) place the same orders two ways. Each
// desk reads what it decides on, takes a moment to decide (a request handler's work), and appends
// with the version it read, retrying on a conflict:
// - together: the order and the product's stock are one consistency boundary. Every order decides
//   on the stock's stream and appends OrderPlaced with StockReserved in one transaction, so every
//   desk contends for that one stream, and an order with no stock behind it is refused at once.
// - apart: the order is an aggregate of its own, decided on its own new stream, so desks never
//   contend; the process manager reserves the stock afterwards, and an order it cannot reserve
//   for is cancelled: accepted first, and told later.
import { append, clearLog, ConcurrencyError, readStream, type EventStoreDb } from '../eventstore';
import { availableOf, decideFulfilment, orderStreamOf, stockStreamOf } from './fulfilment';
import { foldStream, toStored } from './fulfilmentLog';
import { WORKLOAD, type Boundary, type DeskReport } from './workload';

/** The store of the run with one boundary (the run with two uses fulfilment's own log). */
export const TOGETHER_STORE_NAME = 'cqrs-lab-boundaries-together';

export type DeskDeps = {
  /** The run with one boundary: order and stock on one log, decided together. */
  together: EventStoreDb;
  /** The run with two: fulfilment's log, which the process manager follows. */
  apart: EventStoreDb;
  /** A request handler's work between reading and appending. */
  think: () => Promise<void>;
  /** Tells the process manager that fulfilment's log grew. */
  told: () => void;
  now?: () => string;
};

/** Each order of the workload: one unit of the workload's product. */
const orderOf = (orderId: string) => ({
  orderId,
  sku: WORKLOAD.sku,
  quantity: 1,
  amountCents: 1000,
});

/**
 * Reads, decides and appends with `attempt` until its append is not refused for a stream that
 * moved since the read; each refusal is counted as a conflict and tried again from the read.
 */
const untilNoConflict = async (report: DeskReport, attempt: () => Promise<void>) => {
  for (;;) {
    try {
      await attempt();
      return;
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      report.conflicts += 1;
    }
  }
};

export const createDesk = ({
  together,
  apart,
  think,
  told,
  now = () => new Date().toISOString(),
}: DeskDeps) => {
  const meta = (orderId: string) => ({
    commandId: `desk-${orderId}`,
    commandType: 'PlaceOrder',
    recordedAt: now(),
  });

  /** One order, decided with the stock: appended with its reservation, or refused. */
  const placeTogether = (orderId: string, report: DeskReport) =>
    untilNoConflict(report, async () => {
      const { sku, quantity } = orderOf(orderId);
      const stock = await readStream(together, stockStreamOf(sku));
      await think();
      if (availableOf(foldStream(stock).stock) < quantity) {
        report.refused += 1;
        return;
      }
      await append(
        together,
        [
          {
            streamId: orderStreamOf(orderId),
            expectedVersion: 'no-stream',
            events: [toStored({ type: 'OrderPlaced', ...orderOf(orderId) })],
          },
          {
            streamId: stockStreamOf(sku),
            expectedVersion: stock.length,
            events: [toStored({ type: 'StockReserved', sku, orderId, quantity })],
          },
        ],
        meta(orderId),
      );
      report.accepted += 1;
    });

  /** One order, decided on its own stream: always accepted; the stock comes later. */
  const placeApart = (orderId: string, report: DeskReport) =>
    untilNoConflict(report, async () => {
      const stream = await readStream(apart, orderStreamOf(orderId));
      await think();
      const events = decideFulfilment(
        { type: 'PlaceOrder', ...orderOf(orderId) },
        foldStream(stream),
      );
      await append(
        apart,
        [
          {
            streamId: orderStreamOf(orderId),
            expectedVersion: stream.length === 0 ? 'no-stream' : stream.length,
            events: events.map(toStored),
          },
        ],
        meta(orderId),
      );
      told();
      report.accepted += 1;
    });

  /** Places `orderIds` one after another, as `boundary` says; what the desk saw. */
  const run = async (boundary: Boundary, orderIds: readonly string[]): Promise<DeskReport> => {
    const report: DeskReport = { accepted: 0, refused: 0, conflicts: 0 };
    for (const orderId of orderIds)
      await (boundary === 'together' ? placeTogether : placeApart)(orderId, report);
    return report;
  };

  return { run };
};

/** Empties the one-boundary log and brings the workload's stock in. */
export const prepareTogether = async (db: EventStoreDb): Promise<void> => {
  await clearLog(db);
  await append(
    db,
    [
      {
        streamId: stockStreamOf(WORKLOAD.sku),
        expectedVersion: 'no-stream',
        events: [toStored({ type: 'StockAdded', sku: WORKLOAD.sku, quantity: WORKLOAD.stock })],
      },
    ],
    { commandId: 'stock', commandType: 'AddStock', recordedAt: new Date().toISOString() },
  );
};

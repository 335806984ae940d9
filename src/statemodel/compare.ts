// Chapters 10 and 11's four designs, each on its own databases so the live system is untouched. One
// worker plays one part of one design: a write side (which, in the one-model design, answers reads
// too) or a read side (Stock levels). Every write answers with the position of its last event and
// every read with the position its answer is up to date with, so the page can tell, the same way
// for each design, whether a read missed a write already acknowledged.
import { labCommandSchema, labDomain } from '../domain/lab';
import { projections } from '../domain/views';
import type { EventsDelivery } from '../bus/protocol';
import { clearLog, EventStoreDb } from '../eventstore';
import { ReadStoreDb } from '../readstore/readStoreDb';
import { createProjectionHost } from '../projection/projectionHost';
import { createWriteModel } from '../writemodel/writeModel';
import { createOutboxRelay, outboxSource } from './outbox';
import { createStateModel, type StateModel } from './stateModel';
import type { DesignId } from './designs';
import { StateModelDb } from './stateModelDb';
import { askStateView } from './stateViews';

export { DESIGN_IDS, type DesignId } from './designs';

const EVENTS = 'cqrs-lab-compare-events';
const STATE = 'cqrs-lab-compare-state';
const READ = 'cqrs-lab-compare-read';
const VIEW = projections['Stock levels'];

export type CompareWriteAnswer = { ok: true; position: number } | { ok: false; reason: string };
export type CompareReadAnswer = { available: number | null; asOfPosition: number };

/** What a read side sends back to its write side: it has applied everything up to `position`. */
type Acknowledgement = { kind: 'applied'; position: number };

type WriteSide = {
  write: (command: unknown) => Promise<CompareWriteAnswer>;
  /** Only the one-model design reads from its write side. */
  read?: (sku: string) => Promise<CompareReadAnswer>;
};
type ReadSide = { read: (sku: string) => Promise<CompareReadAnswer> };

const stockOf = (value: unknown) => (value as { available?: number } | null)?.available ?? null;

/** A state-model design's write side (designs 1–3). */
const stateWriteSide = async (design: DesignId, port?: MessagePort): Promise<WriteSide> => {
  const db = new StateModelDb(STATE);
  let model: StateModel;
  if (design === 'after-commit') {
    if (!port) throw new Error('The outbox relay needs a port to its view');
    const relay = createOutboxRelay(db, (events, head) => {
      const delivery: EventsDelivery = { kind: 'events', events, head };
      port.postMessage(delivery);
    });
    port.onmessage = (message: MessageEvent<Acknowledgement>) =>
      void relay.acknowledged(message.data.position);
    model = createStateModel({ db, mode: design, committed: () => void relay.kick() });
  } else
    model = createStateModel({
      db,
      mode: design === 'same-transaction' ? design : 'one-model',
      views: design === 'same-transaction' ? [VIEW] : [],
    });
  await model.reset();
  const write = async (command: unknown): Promise<CompareWriteAnswer> => {
    const answer = await model.handle({ kind: 'write', command });
    if (answer.kind !== 'write') throw new Error('The state model answered a write as a read');
    return answer.ok
      ? { ok: true, position: answer.position }
      : { ok: false, reason: answer.reason };
  };
  if (design !== 'one-model') return { write };
  return {
    write,
    read: async (sku) => {
      const answer = await model.handle({ kind: 'read', sku });
      if (answer.kind !== 'read') throw new Error('The state model answered a read as a write');
      return { available: answer.available, asOfPosition: answer.asOfPosition };
    },
  };
};

/** The event-sourced design's write side: the lab's write model, publishing to its view. */
const logWriteSide = async (port: MessagePort): Promise<WriteSide> => {
  const db = new EventStoreDb(EVENTS);
  await clearLog(db);
  const model = createWriteModel({
    db,
    domain: labDomain,
    schema: labCommandSchema,
    now: () => new Date().toISOString(),
    publish: (delivery) => port.postMessage(delivery),
  });
  return {
    write: async (command) => {
      const outcome = await model.dispatch(command);
      return outcome.status === 'accepted'
        ? { ok: true, position: Math.max(0, ...outcome.events.map((e) => e.position)) }
        : { ok: false, reason: outcome.reason };
    },
  };
};

/** An asynchronous view (designs 3 and 4): fed over `port`, catching up from its source. */
const asyncReadSide = async (design: DesignId, port: MessagePort): Promise<ReadSide> => {
  const readDb = new ReadStoreDb(READ);
  const host =
    design === 'after-commit'
      ? createProjectionHost({
          projection: VIEW,
          readDb,
          source: outboxSource(new StateModelDb(STATE)),
          trace: () => undefined,
        })
      : createProjectionHost({
          projection: VIEW,
          readDb,
          eventDb: new EventStoreDb(EVENTS),
          trace: () => undefined,
        });
  await host.reset();
  let failed: Error | undefined;
  port.onmessage = (message: MessageEvent<EventsDelivery>) => {
    host.apply(message.data).then(
      ({ checkpoint }) => {
        const ack: Acknowledgement = { kind: 'applied', position: checkpoint };
        port.postMessage(ack);
      },
      (error: unknown) => {
        failed ??= error instanceof Error ? error : new Error(String(error));
      },
    );
  };
  return {
    read: async (sku) => {
      // A view that could not apply a delivery must not go on answering as if it had.
      if (failed) throw new Error(`The view could not apply events: ${failed.message}`);
      const answer = await host.ask({ kind: 'key', key: sku }, { checkHead: false });
      return { available: stockOf(answer.data), asOfPosition: answer.asOfPosition };
    },
  };
};

/** The view kept in the write's transaction (design 2), read from its own worker. */
const sameTransactionReadSide = (): ReadSide => {
  const db = new StateModelDb(STATE);
  return {
    read: async (sku) => {
      const answer = await askStateView(db, VIEW.name, { kind: 'key', key: sku });
      return { available: stockOf(answer.data), asOfPosition: answer.asOfPosition };
    },
  };
};

export const createCompareApi = () => {
  let writeSide: WriteSide | undefined;
  let readSide: ReadSide | undefined;

  return {
    /** Starts this worker as `design`'s write side, on an emptied store; `port` leads to its view. */
    startWrite: async (design: DesignId, port?: MessagePort) => {
      if (design === 'event-sourced') {
        if (!port) throw new Error('The event-sourced write side needs a port to its view');
        writeSide = await logWriteSide(port);
      } else writeSide = await stateWriteSide(design, port);
    },
    /** Starts this worker as `design`'s read side (designs 2–4); call after startWrite. */
    startRead: async (design: DesignId, port?: MessagePort) => {
      if (design === 'one-model') throw new Error('The one-model design reads from its write side');
      if (design === 'same-transaction') readSide = sameTransactionReadSide();
      else {
        if (!port) throw new Error('An asynchronous view needs a port from its write side');
        readSide = await asyncReadSide(design, port);
      }
    },
    write: (command: unknown) => {
      if (!writeSide) throw new Error('This worker is not a write side');
      return writeSide.write(command);
    },
    read: (sku: string) => {
      const reader = readSide ?? writeSide;
      if (!reader?.read) throw new Error('This worker is not a read side');
      return reader.read(sku);
    },
  };
};

export type CompareApi = ReturnType<typeof createCompareApi>;

// Chapter 10's two designs, each on its own databases so the live system is untouched. One worker
// plays one part: the single model (reads and writes in one place), or the split design's write
// side or its read side (Stock levels), which the write side feeds over a MessagePort.
import { labCommandSchema, labDomain } from '../domain/lab';
import { projections } from '../domain/views';
import type { EventsDelivery } from '../bus/protocol';
import { clearLog, EventStoreDb } from '../eventstore';
import { ReadStoreDb } from '../readstore/readStoreDb';
import { SingleModelDb } from './singleModelDb';
import { createProjectionHost } from '../projection/projectionHost';
import { createSingleModel, type SingleOp } from './singleModel';
import { createWriteModel } from '../writemodel/writeModel';

const SPLIT_EVENTS = 'cqrs-lab-compare-events';
const SPLIT_READ = 'cqrs-lab-compare-read';

export type SplitWriteAnswer = { ok: true; position: number } | { ok: false; reason: string };
export type SplitReadAnswer = { available: number | null; asOfPosition: number };

export const createCompareApi = () => {
  let single: ReturnType<typeof createSingleModel> | undefined;
  let write: { model: ReturnType<typeof createWriteModel>; db: EventStoreDb } | undefined;
  let read: ReturnType<typeof createProjectionHost> | undefined;
  let failed: Error | undefined;

  const need = <T>(part: T | undefined, name: string): T => {
    if (!part) throw new Error(`This worker is not the ${name}`);
    return part;
  };

  return {
    startSingle: async () => {
      single = createSingleModel(new SingleModelDb());
      await single.reset();
    },
    single: (op: SingleOp) => need(single, 'single model').handle(op),

    /** The split design's write side; appended events go to the read side on `port`. */
    startSplitWrite: async (port: MessagePort) => {
      const db = new EventStoreDb(SPLIT_EVENTS);
      await clearLog(db);
      const model = createWriteModel({
        db,
        domain: labDomain,
        schema: labCommandSchema,
        now: () => new Date().toISOString(),
        publish: (delivery) => port.postMessage(delivery),
      });
      write = { model, db };
    },
    splitWrite: async (command: unknown): Promise<SplitWriteAnswer> => {
      const outcome = await need(write, 'split write side').model.dispatch(command);
      return outcome.status === 'accepted'
        ? { ok: true, position: Math.max(0, ...outcome.events.map((e) => e.position)) }
        : { ok: false, reason: outcome.reason };
    },

    /** The split design's read side: Stock levels, fed by the write side on `port`. */
    startSplitRead: async (port: MessagePort) => {
      const host = createProjectionHost({
        projection: projections['Stock levels'],
        readDb: new ReadStoreDb(SPLIT_READ),
        eventDb: new EventStoreDb(SPLIT_EVENTS),
        trace: () => undefined,
      });
      await host.reset();
      failed = undefined;
      port.onmessage = (message: MessageEvent<EventsDelivery>) => {
        host.apply(message.data).catch((error: unknown) => {
          failed ??= error instanceof Error ? error : new Error(String(error));
        });
      };
      read = host;
    },
    splitRead: async (sku: string): Promise<SplitReadAnswer> => {
      // A view that could not apply a delivery must not go on answering as if it had.
      if (failed) throw new Error(`The split read side could not apply events: ${failed.message}`);
      const answer = await need(read, 'split read side').ask(
        { kind: 'key', key: sku },
        { checkHead: false },
      );
      const row = answer.data as { available?: number } | null;
      return { available: row?.available ?? null, asOfPosition: answer.asOfPosition };
    },
  };
};

export type CompareApi = ReturnType<typeof createCompareApi>;

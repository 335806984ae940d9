// What the write worker offers: the bus delivers commands to it over a MessagePort; the page reads
// the log from it directly to fill the event log table.
import { expose } from 'comlink';
import { labCommandSchema, labDomain } from '../domain/lab';
import type { EventStoreDb } from '../eventstore';
import { headPosition, readAll } from '../eventstore';
import { createWriteModel } from './writeModel';

export const createWriteWorkerApi = (db: EventStoreDb) => {
  const model = createWriteModel({
    db,
    domain: labDomain,
    schema: labCommandSchema,
    now: () => new Date().toISOString(),
    // The bus sends appended events on; the write model itself publishes nothing here.
    publish: () => undefined,
    trace: () => undefined,
  });

  const busApi = {
    /** A delivery of commands: each is validated and decided; group commit does the rest. */
    handle: (commands: unknown[]) => Promise.all(commands.map((c) => model.dispatch(c))),
    undo: (commandIds: string[]) => model.undo(commandIds),
    reset: () => model.reset(),
  };

  return {
    /** One command straight to the write model, bypassing the bus (benchmarks measure this path). */
    dispatch: model.dispatch,
    readAll: (options: { fromPosition?: number; limit?: number }) => readAll(db, options),
    head: () => headPosition(db),
    /** Serves the bus on `port`. */
    connectBus: (port: MessagePort) => {
      expose(busApi, port);
    },
  };
};

export type WriteWorkerApi = ReturnType<typeof createWriteWorkerApi>;

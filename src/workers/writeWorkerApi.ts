// What the write worker offers: the bus delivers commands to it over a MessagePort; the page reads
// the log from it directly to fill the event log table.
import { expose } from 'comlink';
import { bankDomain } from '../domain/bank/bank.decider';
import { accountStream, type BankEvent } from '../domain/bank/events';
import { labCommandSchema, labDomain } from '../domain/lab';
import { fromCents } from '../domain/money';
import { isViewName, projections } from '../domain/views';
import type { EventStoreDb } from '../eventstore';
import { headPosition, readAll, readInline, readStream } from '../eventstore';
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
    /** Keeps a view inline, in the append's transaction (read-your-writes lesson); null stops it. */
    setInlineView: (view: string | null) => {
      if (view !== null && !isViewName(view)) throw new Error(`There is no view called ${view}`);
      return model.setInline(view === null ? undefined : projections[view]);
    },
    /** One row of the inline view, and the position it is up to date with. */
    readInline: (key: string) => readInline(db, key),
    /** An account as the write side knows it: its stream in the log, folded (no view involved). */
    readAccount: async (accountId: string) => {
      const { events, head } = await db.transaction('r', db.events, async () => ({
        events: await readStream(db, accountStream(accountId)),
        head: await headPosition(db),
      }));
      const state = events.reduce(
        (folded, event) => bankDomain.evolve(folded, event as unknown as BankEvent),
        bankDomain.initialState(),
      );
      const account = state.accounts[accountId];
      return {
        balance: account ? fromCents(account.balanceCents) : null,
        version: events.length,
        asOfPosition: head,
      };
    },
    /** Serves the bus on `port`. */
    connectBus: (port: MessagePort) => {
      expose(busApi, port);
    },
  };
};

export type WriteWorkerApi = ReturnType<typeof createWriteWorkerApi>;

// What the write worker offers: the bus delivers commands to it over a MessagePort; the page reads
// the log from it directly to fill the event log table.
import { expose } from 'comlink';
import { labCommandSchema, labDomain } from '../domain/lab';
import { isViewName, projections, VIEW_NAMES } from '../domain/views';
import Dexie from 'dexie';
import { EventStoreDb, EVENT_STORE_NAME } from '../eventstore';
import {
  checkLogFile,
  forkLog,
  headPosition,
  readAll,
  readInline,
  readLog,
  removeUnreadable,
  toLogFile,
  writeImported,
  type ImportMode,
} from '../eventstore';
import { openLogChannel, type LogNews } from '../eventstore/logChannel';
import { createLogWindows, type LogWindow, type LogWindowQuery } from '../eventstore/logWindow';
import { belongsTo, inSpace, isForkSpace, type ForkSpace, type Space } from '../eventstore/space';
import { importBase, readAccount } from '../writemodel/reads';
import { createWriteModel } from '../writemodel/writeModel';
import { noLogIn, stateStoreOf, type DesignId, type StateDesign } from '../statemodel/designs';
import { createStateModel, type StateModel } from '../statemodel/stateModel';
import { stateHead, StateModelDb } from '../statemodel/stateModelDb';
import { stateWriteApi } from '../statemodel/stateWriteApi';
import { crashSoon } from './crash';
import type { WriteApi } from '../bus/protocol';

/** What checking an import file found (the events themselves stay in the worker). */
export type ImportCheck =
  { ok: true; events: number; streams: number } | { ok: false; line: number; reason: string };

export const createWriteWorkerApi = (db: EventStoreDb, space: Space = 'sandbox') => {
  const tab = crypto.randomUUID();
  const channel = openLogChannel(space);
  const tell = (news: LogNews) => channel?.postMessage(news);
  const model = createWriteModel({
    db,
    domain: labDomain,
    schema: labCommandSchema,
    now: () => new Date().toISOString(),
    // The bus sends appended events on in this tab; other tabs hear of them on the channel.
    publish: ({ head }) => tell({ kind: 'appended', head, tab }),
  });

  const busApi: WriteApi = {
    // Each command is validated again here (the page is another thread); group commit does the rest.
    handle: (commands) => Promise.all(commands.map((c) => model.dispatch(c))),
    undo: async (commandIds) => {
      const head = await model.undo(commandIds);
      tell({ kind: 'rewritten', tab });
      return head;
    },
    reset: async () => {
      await model.reset();
      tell({ kind: 'rewritten', tab });
    },
    // The log is the source of truth and is never pruned.
    relayed: () => Promise.resolve(),
  };

  const windows = createLogWindows(db);
  /** Set when the bus connects in a design that keeps state in place (it has no log). */
  let kept: { design: StateDesign; db: StateModelDb; model: StateModel } | undefined;
  /** The log, or an error saying why this design has none. */
  const logOf = () => {
    if (kept) throw new Error(noLogIn(kept.design));
    return db;
  };

  return {
    /** Answers at once: the page's watchdog asks every second whether this worker is alive. */
    ping: () => true,
    /** Ends this worker as a crash would (a fault the learner injects). */
    crash: crashSoon,
    /** One command straight to the write model, bypassing the bus (benchmarks measure this path). */
    dispatch: (command: unknown) => (kept ? kept.model.dispatch(command) : model.dispatch(command)),
    // A design without a log has no events to show: the page's event log stays empty.
    readAll: async (options: { fromPosition?: number; limit?: number }) =>
      kept ? [] : readAll(db, options),
    /** The newest `limit` events from `from` on, oldest first: all the page keeps of the log. */
    readTail: async (limit: number, from = 1) => {
      if (kept) return [];
      const head = await headPosition(db);
      return readAll(db, { fromPosition: Math.max(from, head - limit + 1), limit });
    },
    /** The rows the log table has in view, newest first, of the whole log or a filter's matches. */
    logWindow: (query: LogWindowQuery): Promise<LogWindow> =>
      kept
        ? Promise.resolve({ head: 0, total: 0, offset: 0, events: [], highlightIndex: null })
        : windows.window(query),
    /** Every stream in the log (time travel's picker). */
    logStreams: () => (kept ? Promise.resolve([]) : windows.streams()),
    /** One event by position, or null (the inspector, for an event the page does not keep). */
    eventAt: (position: number) => (kept ? Promise.resolve(null) : windows.at(position)),
    head: () => (kept ? stateHead(kept.db) : headPosition(db)),
    /** This tab's name on the log channel, so the page can tell its own news from others'. */
    tabId: () => tab,
    /** The log as a file (see eventstore/logFile.ts). */
    exportLog: async () => toLogFile(await readLog(logOf()), new Date().toISOString()),
    /** Checks a log file for an import, storing nothing. */
    checkImport: async (text: string, mode: ImportMode): Promise<ImportCheck> => {
      const checked = checkLogFile(text, await importBase(logOf(), mode));
      return checked.ok
        ? { ok: true, events: checked.events.length, streams: checked.streams }
        : checked;
    },
    /** Checks the file again (the log may have moved) and stores it whole, or nothing. */
    importLog: (text: string, mode: ImportMode) =>
      model.exclusive(async () => {
        logOf();
        const checked = checkLogFile(text, await importBase(db, mode));
        if (!checked.ok)
          throw new Error(`Line ${String(checked.line)}: ${checked.reason}. Nothing was imported.`);
        const written = await writeImported(db, checked.events, mode);
        tell({ kind: 'rewritten', tab });
        return { ...written, events: checked.events.length };
      }),
    /**
     * Removes the row at `position`, one the code cannot read (the learner's repair): the events
     * after it move up one. Commands here wait meanwhile. Returns the new head.
     */
    removeUnreadable: (position: number) =>
      model.exclusive(async () => {
        const head = await removeUnreadable(logOf(), position);
        tell({ kind: 'rewritten', tab });
        return head;
      }),
    /**
     * Copies this log's events 1..`upTo` into the empty log of the fork `fork` (its own space), as
     * its start; this log is only read. Commands here wait meanwhile, so none lands half-copied.
     */
    forkLog: (fork: ForkSpace, upTo: number) =>
      model.exclusive(async () => {
        if (!isForkSpace(fork) || fork === space) throw new Error(`${fork} is not another fork`);
        const target = new EventStoreDb(inSpace(EVENT_STORE_NAME, fork));
        try {
          return await forkLog(logOf(), target, upTo);
        } finally {
          target.close();
        }
      }),
    /**
     * Deletes every database of the fork `fork` (its log, views, checkpoints): never this space's.
     * Returns how many there were.
     */
    deleteSpace: async (fork: ForkSpace): Promise<number> => {
      if (!isForkSpace(fork) || fork === space)
        throw new Error(`${fork} is the log the lab runs on: switch to another one first`);
      const names = (await indexedDB.databases()).flatMap(({ name }) =>
        name && belongsTo(name, fork) ? [name] : [],
      );
      for (const name of names) await Dexie.delete(name);
      return names.length;
    },
    /** Keeps a view inline, in the append's transaction (read-your-writes lesson); null stops it. */
    setInlineView: (view: string | null) => {
      if (view !== null && !isViewName(view)) throw new Error(`There is no view called ${view}`);
      logOf();
      return model.setInline(view === null ? undefined : projections[view]);
    },
    /** One row of the inline view, and the position it is up to date with. */
    readInline: (key: string) => readInline(logOf(), key),
    /** An account as the write side knows it: its stream in the log, folded (no view involved). */
    readAccount: (accountId: string) => readAccount(logOf(), accountId),
    /** Serves the bus on `port`, in `design` (each design keeps its own store). */
    connectBus: (port: MessagePort, chosen: DesignId = 'event-sourced') => {
      if (chosen === 'event-sourced') {
        expose(busApi, port);
        return;
      }
      const stateDb = new StateModelDb(stateStoreOf(chosen, space));
      const stateModel = createStateModel({
        db: stateDb,
        mode: chosen,
        views: chosen === 'same-transaction' ? VIEW_NAMES.map((view) => projections[view]) : [],
      });
      kept = { design: chosen, db: stateDb, model: stateModel };
      expose(stateWriteApi(stateModel, stateDb), port);
    },
  };
};

export type WriteWorkerApi = ReturnType<typeof createWriteWorkerApi>;

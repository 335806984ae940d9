// What a projection worker offers. One worker hosts one view; the bus calls it over a MessagePort,
// and every answer carries the trace frames the view produced, so the bus can emit them in order.
import { SCREENS } from '../domain/screens';
import { expose } from 'comlink';
import { openLabLog } from '../eventstore/labLog';
import type { TraceFrame, Traced, ViewApi } from '../bus/protocol';
import { isViewName, projections, searchOf } from '../domain/views';
import { EVENT_STORE_NAME } from '../eventstore/eventStoreDb';
import { inSpace, type Space } from '../eventstore/space';
import { ReadStoreDb, readStoreName } from '../readstore/readStoreDb';
import { rowCheckOf } from '../readstore/rowChecks';
import { createProjectionHost } from '../projection/projectionHost';
import { letGoOnUpgrade, tellPage } from '../eventstore/upgrade';
import { webLock } from '../projection/viewLock';
import { stateStoreOf, viewStoreOf, viewsInWrite, type DesignId } from '../statemodel/designs';
import { outboxSource } from '../statemodel/outbox';
import { StateModelDb } from '../statemodel/stateModelDb';
import { createStateViewApi } from '../statemodel/stateViewApi';

export const createViewApi = (
  viewName: string,
  onUpgrade: (deleted: boolean) => void = () => undefined,
  design: DesignId = 'event-sourced',
  space: Space = 'sandbox',
): ViewApi => {
  if (!isViewName(viewName)) throw new Error(`There is no view called ${viewName}`);
  if (viewsInWrite(design))
    return createStateViewApi(new StateModelDb(stateStoreOf(design, space)), viewName, design);
  const frames: TraceFrame[] = [];
  const store = viewStoreOf(design, readStoreName(viewName), space);
  const readDb = letGoOnUpgrade(new ReadStoreDb(store, rowCheckOf(viewName)), onUpgrade);
  const eventDb = openLabLog(inSpace(EVENT_STORE_NAME, space), onUpgrade);
  // Opened now, while the bus starts: the view's start then finds them open. (A failure to open
  // is met again, and reported, by the start's first read.)
  for (const db of design === 'after-commit' ? [readDb] : [readDb, eventDb])
    void db.open().catch(() => undefined);
  const host = createProjectionHost(
    {
      projection: projections[viewName],
      readDb,
      // After commit, missed events come from the outbox: no log is kept.
      ...(design === 'after-commit'
        ? { source: outboxSource(new StateModelDb(stateStoreOf(design, space))) }
        : { eventDb }),
      trace: (frame) => frames.push(frame),
      // The view's worker in another tab writes the same store: one of them at a time.
      exclusive: webLock(store),
      // The page is sent the rows its panel shows, not the whole view.
      screen: SCREENS[viewName],
    },
    searchOf(viewName),
  );
  const traced = async <T>(work: Promise<T>): Promise<Traced<T>> => {
    const value = await work;
    return { value, frames: frames.splice(0) };
  };
  return {
    start: (progress) => traced(host.start(progress)),
    apply: (delivery) => traced(host.apply(delivery)),
    undo: (undo) => traced(host.undo(undo)),
    rebuild: (progress) => traced(host.rebuild(progress)),
    reset: () => traced(host.reset()),
    headMovedTo: (position) => traced(host.headMovedTo(position)),
    ask: (query) => traced(host.ask(query)),
    setDuplicateCheck: (on) => traced(host.setDuplicateCheck(on)),
    catchUp: () => traced(host.catchUp()),
    refresh: () =>
      Promise.reject(new Error(`${viewName} is updated by the events the bus delivers to it`)),
  };
};

export const createProjectionWorkerApi = () => ({
  /** Answers at once: the page's watchdog asks every second whether this worker is alive. */
  ping: () => true,
  /** Opens the view and serves it to the bus on `port`. */
  connect: (
    viewName: string,
    port: MessagePort,
    design: DesignId = 'event-sourced',
    space: Space = 'sandbox',
  ) => {
    expose(createViewApi(viewName, tellPage, design, space), port);
  },
});

export type ProjectionWorkerApi = ReturnType<typeof createProjectionWorkerApi>;

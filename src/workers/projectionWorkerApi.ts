// What a projection worker offers. One worker hosts one view; the bus calls it over a MessagePort,
// and every answer carries the trace frames the view produced, so the bus can emit them in order.
import { expose } from 'comlink';
import type { TraceFrame } from '../bus/trace';
import { isViewName, projections, searchOf } from '../domain/views';
import { EventStoreDb } from '../eventstore';
import { ReadStoreDb, readStoreName } from '../readstore/readStoreDb';
import type { Traced } from './busHost';
import {
  createProjectionHost,
  type Progress,
  type ViewQuery,
  type ViewUndo,
} from './projectionHost';
import type { EventsDelivery } from '../bus/messages';
import { letGoOnUpgrade, tellPage } from './upgrade';
import { webLock } from './viewLock';

export const createViewApi = (viewName: string, onUpgrade: () => void = () => undefined) => {
  if (!isViewName(viewName)) throw new Error(`There is no view called ${viewName}`);
  const frames: TraceFrame[] = [];
  const host = createProjectionHost(
    {
      projection: projections[viewName],
      readDb: letGoOnUpgrade(new ReadStoreDb(readStoreName(viewName)), onUpgrade),
      eventDb: letGoOnUpgrade(new EventStoreDb(), onUpgrade),
      trace: (frame) => frames.push(frame),
      // The view's worker in another tab writes the same store: one of them at a time.
      exclusive: webLock(readStoreName(viewName)),
    },
    searchOf(viewName),
  );
  const traced = async <T>(work: Promise<T>): Promise<Traced<T>> => {
    const value = await work;
    return { value, frames: frames.splice(0) };
  };
  return {
    start: (progress: Progress) => traced(host.start(progress)),
    apply: (delivery: EventsDelivery) => traced(host.apply(delivery)),
    undo: (undo: ViewUndo) => traced(host.undo(undo)),
    rebuild: (progress: Progress) => traced(host.rebuild(progress)),
    reset: () => traced(host.reset()),
    headMovedTo: (position: number) => traced(host.headMovedTo(position)),
    ask: (query: ViewQuery) => traced(host.ask(query)),
    setDuplicateCheck: (on: boolean) => traced(host.setDuplicateCheck(on)),
    catchUp: () => traced(host.catchUp()),
  };
};

export type ViewApi = ReturnType<typeof createViewApi>;

export const createProjectionWorkerApi = () => ({
  /** Answers at once: the page's watchdog asks every second whether this worker is alive. */
  ping: () => true,
  /** Opens the view and serves it to the bus on `port`. */
  connect: (viewName: string, port: MessagePort) => {
    expose(createViewApi(viewName, tellPage), port);
  },
});

export type ProjectionWorkerApi = ReturnType<typeof createProjectionWorkerApi>;

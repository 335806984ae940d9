// The main thread's client of the workers: starts them, wires the write model to each projection
// with a MessageChannel (events go worker to worker, not through the page), and forwards trace frames
// into the stores.
import { proxy, transfer, wrap, type Remote } from 'comlink';
import type { TraceFrame } from '../bus/trace';
import type { LabCommand } from '../domain/lab';
import { VIEW_NAMES } from '../domain/views';
import type { CommandOutcome } from '../workers/outcome';
import type { ProjectionWorkerApi } from '../workers/projectionWorkerApi';
import type { WriteWorkerApi } from '../workers/writeWorkerApi';
import { applyTraceFrames, receiveEvents, setRuntimeStatus } from '../state/stores';
import ProjectionWorker from '../workers/projection.worker?worker';
import WriteWorker from '../workers/write.worker?worker';
import { createFrameBuffer } from './frameBuffer';
import { withTimeout } from './timeout';

const CALL_TIMEOUT_MS = 10_000;
const START_TIMEOUT_MS = 30_000;
const LOG_PAGE = 5_000;

/** A command as a form produces it; the runtime adds its id and time. */
export type CommandInput = LabCommand extends infer C
  ? C extends LabCommand
    ? Omit<C, 'meta'>
    : never
  : never;

export type Runtime = {
  dispatch: (command: CommandInput) => Promise<CommandOutcome>;
};

const watchWorker = (worker: Worker, name: string): Worker => {
  worker.addEventListener('error', (event) => {
    setRuntimeStatus({
      phase: 'failed',
      message: `The ${name} worker stopped: ${event.message || 'unknown error'}. Reload the page to restart it.`,
    });
  });
  return worker;
};

const loadLog = async (write: Remote<WriteWorkerApi>) => {
  for (let fromPosition = 1; ;) {
    const page = await withTimeout(
      write.readAll({ fromPosition, limit: LOG_PAGE }),
      CALL_TIMEOUT_MS,
      'The event store',
    );
    receiveEvents(page);
    const last = page.at(-1);
    if (!last || page.length < LOG_PAGE) return;
    fromPosition = last.position + 1;
  }
};

export const startRuntime = async (): Promise<Runtime> => {
  const onFrames = proxy(createFrameBuffer<TraceFrame>(applyTraceFrames));
  const write = wrap<WriteWorkerApi>(
    watchWorker(new WriteWorker({ name: 'write model' }), 'write model'),
  );
  await withTimeout(write.setTraceListener(onFrames), START_TIMEOUT_MS, 'The write model');

  const started = VIEW_NAMES.map(async (viewName) => {
    const projection = wrap<ProjectionWorkerApi>(
      watchWorker(new ProjectionWorker({ name: viewName }), viewName),
    );
    const channel = new MessageChannel();
    await withTimeout(projection.setTraceListener(onFrames), START_TIMEOUT_MS, viewName);
    await withTimeout(
      write.connectSubscriber(transfer(channel.port1, [channel.port1])),
      START_TIMEOUT_MS,
      'The write model',
    );
    await withTimeout(
      projection.start(viewName, transfer(channel.port2, [channel.port2])),
      START_TIMEOUT_MS,
      viewName,
    );
  });
  await Promise.all([...started, loadLog(write)]);
  setRuntimeStatus({ phase: 'ready' });

  return {
    dispatch: (command) =>
      withTimeout<CommandOutcome>(
        write.dispatch({
          ...command,
          meta: { commandId: crypto.randomUUID(), issuedAt: new Date().toISOString() },
        }),
        CALL_TIMEOUT_MS,
        'The write model',
      ),
  };
};

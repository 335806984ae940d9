// The learner's projection for this page: one runner per runtime, made when the panel first needs
// it and kept while the page lives (it goes on following the log while a chapter hides the panel).
import { useLog } from '../state/stores';
import type { LearnerWorkerApi } from '../workers/learnerWorkerApi';
import LearnerWorker from '../workers/learner.worker?worker';
import { startBenchWorker } from './benchWorker';
import { createLearnerRunner, LEARNER_LIMIT_MS, type LearnerRunner } from './learnerRunner';
import type { Runtime } from './runtime';

const NAME = 'Your projection';
/** Opening its database in a fresh worker may take a while on a slow machine; their code may not. */
const STORAGE_MS = 15_000;

// A worker of the bench kind (started and stopped by the page, every call timed); it opens no lab
// store, so its space only names it.
const startWorker = () =>
  startBenchWorker<LearnerWorkerApi>(LearnerWorker, NAME, {
    space: 'sandbox',
    timeoutMs: LEARNER_LIMIT_MS,
    slowMs: { savedCode: STORAGE_MS, saveCode: STORAGE_MS },
  });

const runners = new WeakMap<Runtime, LearnerRunner>();

export const learnerRunnerFor = (runtime: Runtime): LearnerRunner => {
  const known = runners.get(runtime);
  if (known) return known;
  const made = createLearnerRunner({
    readPage: (from, limit) => runtime.readLog.page(from, limit),
    head: () => useLog.getState().head,
    onHead: (listener) =>
      useLog.subscribe((state, before) => {
        if (state.head !== before.head) listener();
      }),
    startWorker,
  });
  runners.set(runtime, made);
  return made;
};

export type { LearnerRunner, LearnerStatus } from './learnerRunner';
export { STARTER_PROJECTION } from '../learner/sandbox';

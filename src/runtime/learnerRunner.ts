// Runs a learner's own projection (issue 21) in its worker: replays the log into it a batch at a
// time, then, while they follow the log, applies each new event as it is appended. The page only
// passes pages of events along; their code runs in the worker. A batch that gets no answer within
// LEARNER_LIMIT_MS (an endless loop) stops the run, and the worker is replaced by a fresh one.
import { createStore } from 'zustand/vanilla';
import type { Calls } from '../bus/remote';
import { WorkerTimeoutError } from '../bus/timeout';
import type { StoredEvent } from '../domain/types';
import { isUnreadable } from '../eventstore/unreadable';
import type { LearnerEvent, LearnerFailure } from '../learner/sandbox';
import type { LearnerWorkerApi } from '../workers/learnerWorkerApi';

/** Events handed to the worker per call: each call must answer within the limit. */
export const LEARNER_BATCH = 250;
/** How long one batch may take before the run is stopped and the worker replaced. */
export const LEARNER_LIMIT_MS = 1_000;

export type LearnerStatus =
  | { phase: 'idle' }
  | { phase: 'running'; position: number; head: number }
  /** Caught up once and not following: new events are not applied. */
  | { phase: 'stopped'; position: number; head: number }
  | { phase: 'following'; position: number; head: number }
  | { phase: 'failed'; position: number; failure: LearnerFailure };

export type LearnerView = {
  status: LearnerStatus;
  /** Their projection's state, as it was at `statePosition`; `hasState` says whether there is one. */
  state: unknown;
  statePosition: number;
  hasState: boolean;
  following: boolean;
  /** The code the projection runs: edits count once they are run. */
  ran: string | null;
};

export type LearnerWorker = { api: Calls<LearnerWorkerApi>; stop: () => void };

export type LearnerRunnerDeps = {
  /** Up to `limit` events from position `from` on, oldest first. */
  readPage: (from: number, limit: number) => Promise<StoredEvent[]>;
  /** The log's head as the page knows it now. */
  head: () => number;
  /** Calls `listener` whenever the head may have moved; returns how to stop. */
  onHead: (listener: () => void) => () => void;
  /** Starts a fresh worker (again after one was stopped for taking too long). */
  startWorker: () => LearnerWorker;
};

const toLearner = ({ position, streamId, version, type, data }: StoredEvent): LearnerEvent => ({
  position,
  streamId,
  version,
  type,
  data,
});

const range = (events: readonly LearnerEvent[]) =>
  events.length > 1
    ? `#${String(events[0]?.position)}–#${String(events.at(-1)?.position)}`
    : `#${String(events[0]?.position)}`;

export const createLearnerRunner = ({ readPage, head, onHead, startWorker }: LearnerRunnerDeps) => {
  const store = createStore<LearnerView>(() => ({
    status: { phase: 'idle' },
    state: undefined,
    statePosition: 0,
    hasState: false,
    following: false,
    ran: null,
  }));
  let worker = startWorker();
  /** Each run (and each stop) starts a new generation: an older loop sees it and gives up. */
  let generation = 0;
  let position = 0;
  let loaded = false;
  let code: string | null = null;

  const settled = (): LearnerStatus => ({
    phase: store.getState().following ? 'following' : 'stopped',
    position,
    head: Math.max(head(), position),
  });

  /** Stops: it applied every event before the one it failed on, and keeps no state to show. */
  const fail = (failure: LearnerFailure) => {
    loaded = false;
    if (failure.position !== null) position = failure.position - 1;
    store.setState({
      status: { phase: 'failed', position, failure },
      state: undefined,
      hasState: false,
      following: false,
    });
  };

  /** A call that failed: too slow (the worker is replaced), or the worker could not answer. */
  const callFailed = (error: unknown, during: string) => {
    if (error instanceof WorkerTimeoutError) {
      worker.stop();
      worker = startWorker();
      fail({
        message: `Your code took more than ${String(LEARNER_LIMIT_MS / 1000)} s ${during} (an endless loop?). Its worker was replaced by a fresh one.`,
        line: null,
        position: null,
      });
    } else
      fail({
        message: `Your projection's worker failed ${during}: ${error instanceof Error ? error.message : String(error)}`,
        line: null,
        position: null,
      });
  };

  /** Applies the log from `position` to the head, page by page, then shows the state. */
  const catchUp = async (gen: number) => {
    for (;;) {
      if (gen !== generation || !loaded) return;
      if (position >= head()) break;
      // Following turned off: it stops after the batch under way (a first replay goes on).
      const now = store.getState();
      if (now.status.phase !== 'running' && !now.following) break;
      const read = await readPage(position + 1, LEARNER_BATCH);
      if (gen !== generation) return;
      const end = read.at(-1);
      if (!end) break;
      // A row the code cannot read is kept aside (eventstore/storedRow.ts): their code never gets it.
      const page = read.filter((event) => !isUnreadable(event)).map(toLearner);
      if (page.length === 0) {
        position = end.position;
        continue;
      }
      let applied: Awaited<ReturnType<LearnerWorker['api']['apply']>>;
      try {
        applied = await worker.api.apply(page);
      } catch (error) {
        if (gen === generation) callFailed(error, `on events ${range(page)}`);
        return;
      }
      if (gen !== generation) return;
      if (!applied.ok) {
        fail(applied.failure);
        return;
      }
      position = applied.position;
      const status = store.getState().status;
      store.setState({
        status: status.phase === 'running' ? { ...status, position, head: head() } : settled(),
      });
    }
    let state: unknown;
    try {
      state = await worker.api.state();
    } catch (error) {
      if (gen === generation) callFailed(error, 'handing over its state');
      return;
    }
    if (gen === generation)
      store.setState({ state, statePosition: position, hasState: true, status: settled() });
  };

  /** The catch-up under way, and the generation it belongs to. */
  let current: { gen: number; done: Promise<void> } | undefined;
  let again = false;
  /** Whether the head moved during the last catch-up (set from the listener, meanwhile). */
  const wantedAgain = () => again;

  /** Catches up, one at a time: a head that moves meanwhile is caught up after. */
  const kick = async (gen: number): Promise<void> => {
    if (current?.gen === gen) {
      again = true;
      return current.done;
    }
    await current?.done;
    if (gen !== generation) return;
    if (current?.gen === gen) {
      again = true;
      return current.done;
    }
    const done = (async () => {
      do {
        again = false;
        await catchUp(gen);
      } while (wantedAgain() && gen === generation);
    })();
    current = { gen, done };
    try {
      await done;
    } finally {
      if (current.done === done) current = undefined;
    }
  };

  /** Loads their code afresh and replays the whole log into it. */
  const run = async (next: string) => {
    generation += 1;
    const gen = generation;
    // A run under way may be waiting on their code (an endless loop): start on a fresh worker.
    if (current) {
      worker.stop();
      worker = startWorker();
    }
    code = next;
    position = 0;
    loaded = false;
    store.setState({
      status: { phase: 'running', position: 0, head: head() },
      state: undefined,
      statePosition: 0,
      hasState: false,
      ran: next,
    });
    try {
      await worker.api.saveCode(next);
      const result = await worker.api.load(next);
      if (gen !== generation) return;
      if (!result.ok) {
        fail(result.failure);
        return;
      }
    } catch (error) {
      if (gen === generation) callFailed(error, 'starting');
      return;
    }
    loaded = true;
    await kick(gen);
  };

  const stopListening = onHead(() => {
    if (!store.getState().following || code === null) return;
    // The log was reset or stepped back under it: what it applied is gone, so it starts again.
    if (head() < position) void run(code);
    else if (loaded && head() > position) void kick(generation);
  });

  return {
    store,
    run,
    /** Follows the log (applying each new event) or stops following; runs first if it never has. */
    follow: async (on: boolean, current: string) => {
      store.setState({ following: on });
      const { phase } = store.getState().status;
      if (!on) {
        if (phase === 'following') store.setState({ status: settled() });
        return;
      }
      // Never run, failed, other code, or the log moved back under it: replay from the start.
      if (phase === 'idle' || phase === 'failed' || code !== current || head() < position)
        await run(current);
      else if (phase !== 'running') {
        store.setState({ status: settled() });
        await kick(generation);
      }
    },
    savedCode: () => worker.api.savedCode(),
    saveCode: (next: string) => worker.api.saveCode(next),
    stop: () => {
      generation += 1;
      stopListening();
      worker.stop();
    },
  };
};

export type LearnerRunner = ReturnType<typeof createLearnerRunner>;

// Building blocks for completion checks: what the learner has done since the chapter started.
import type { ViewName } from '../domain/views';
import type { Check, Handed, Observation } from './types';

/** Virtual time of the last hand-over before the chapter started: later ones are the learner's. */
export const startedAt = (first: Observation): number =>
  first.delivered.reduce((latest, d) => Math.max(latest, d.deliveredAt), 0);

/** Answers a view sent back to the page since the chapter started. */
export const answersFrom = (first: Observation, now: Observation, view: ViewName): Handed[] => {
  const since = startedAt(first);
  return now.delivered.filter(
    (d) => d.kind === 'answer' && d.from === view && d.deliveredAt > since,
  );
};

/** An answer served at a position behind the head of the log at that moment. */
export const isStale = (answer: Handed): boolean =>
  answer.asOf !== undefined && answer.head !== undefined && answer.asOf < answer.head;

/** Events of a type appended since the chapter started. */
export const newEvents = (first: Observation, now: Observation, type?: string) =>
  now.events.filter((e) => e.position > first.head && (type === undefined || e.type === type));

/** A view that has applied everything in the log and is running. */
export const caughtUp = (now: Observation, view: ViewName): boolean => {
  const snapshot = now.views[view];
  return snapshot?.phase === 'running' && snapshot.checkpoint === now.head && now.head > 0;
};

/** Done once `seen` holds for some observation; the learner keeps the tick afterwards. */
export const once = (
  describe: string,
  seen: (first: Observation, now: Observation) => boolean,
): Check<{ first: Observation; done: boolean }> => ({
  describe,
  start: (first) => ({ first, done: false }),
  next: (state, now) => (state.done ? state : { ...state, done: seen(state.first, now) }),
  done: (state) => state.done,
});

/**
 * Done once each stage has been seen, in order (a later stage is only looked for once the earlier
 * ones have been seen): for tasks such as "kill the view, write, restart it".
 */
export const inOrder = (
  describe: string,
  stages: readonly ((first: Observation, now: Observation) => boolean)[],
): Check<{ first: Observation; reached: number }> => ({
  describe,
  start: (first) => ({ first, reached: 0 }),
  next: (state, now) => {
    let reached = state.reached;
    while (stages[reached]?.(state.first, now)) reached += 1;
    return reached === state.reached ? state : { ...state, reached };
  },
  done: (state) => state.reached >= stages.length,
});

/** Runs a check over a sequence of observations (the first is the scenario's starting point). */
export const runCheck = <S>(check: Check<S>, observations: readonly Observation[]): boolean => {
  const [first, ...rest] = observations;
  if (!first) return false;
  let state = check.start(first);
  for (const observation of rest) state = check.next(state, observation);
  return check.done(state);
};

/** The chapter's workbench has reported each of `what` since the chapter was loaded. */
export const reported =
  (...what: readonly string[]) =>
  (_first: Observation, now: Observation): boolean =>
    what.every((one) => now.activity.includes(one));

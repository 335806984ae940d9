// What the lessons need from the page: which chapters are done (kept in the browser), what time
// travel is showing, and the live system as a chapter's checks see it.
import { create } from 'zustand';
import { PROGRESS_KEY, readProgress, STARTED_KEY, withDone } from '../lessons/progress';
import { parseHash } from '../lessons/route';
import type { Observation, ViewSnapshot } from '../lessons/types';
import { VIEW_NAMES, type ViewName } from '../domain/views';
import { useLog, useTimeline, useViews } from './stores';

const storage = (): Storage | undefined =>
  typeof localStorage === 'undefined' ? undefined : localStorage;

export const useLessonProgress = create<{ done: string[]; started: string[] }>(() => ({
  done: readProgress(storage()?.getItem(PROGRESS_KEY) ?? null),
  started: readProgress(storage()?.getItem(STARTED_KEY) ?? null),
}));

const keep = (key: string, ids: readonly string[]) => {
  try {
    storage()?.setItem(key, JSON.stringify(ids));
  } catch {
    // Storage full or refused: the progress still shows for this visit.
  }
};

export const markDone = (id: string): void => {
  const done = withDone(useLessonProgress.getState().done, id);
  useLessonProgress.setState({ done });
  keep(PROGRESS_KEY, done);
};

/** A chapter was opened: until it is done, the course map shows it in progress. */
export const markStarted = (id: string): void => {
  const { started } = useLessonProgress.getState();
  if (started.includes(id)) return;
  const next = withDone(started, id);
  useLessonProgress.setState({ started: next });
  keep(STARTED_KEY, next);
};

/** What time travel shows, while it is on. */
export const useTimeTravelState = create<{ at: { position: number; streamId: string } | null }>(
  () => ({ at: null }),
);

export const showTimeTravel = (at: { position: number; streamId: string } | null): void =>
  useTimeTravelState.setState({ at });

/** What a chapter's workbench reported, since the chapter was loaded. */
export const useLessonActivity = create<{ activity: string[] }>(() => ({ activity: [] }));

export const reportActivity = (what: string): void =>
  useLessonActivity.setState((s) => ({ activity: [...s.activity, what] }));

export const clearActivity = (): void => useLessonActivity.setState({ activity: [] });

/** The live system as the stores know it now. */
export const observe = (): Observation => {
  const log = useLog.getState();
  const views = useViews.getState().views;
  const snapshots: Partial<Record<ViewName, ViewSnapshot>> = {};
  for (const name of VIEW_NAMES) {
    const view = views[name];
    if (view)
      snapshots[name] = {
        phase: view.phase,
        checkpoint: view.checkpoint,
        rebuiltEvents: view.lastRebuild?.events,
        reapplied: view.reapplied,
      };
  }
  return {
    events: log.recent,
    head: log.head,
    views: snapshots,
    delivered: useTimeline.getState().delivered,
    selectedEvent: log.selected,
    timeTravel: useTimeTravelState.getState().at,
    activity: useLessonActivity.getState().activity,
  };
};

/** Calls `listener` (at most every `ms`) whenever anything a check can see changes. */
export const watchObservations = (listener: () => void, ms = 100): (() => void) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      listener();
    }, ms);
  };
  const stops = [
    useLog.subscribe(changed),
    useViews.subscribe(changed),
    useTimeline.subscribe(changed),
    useTimeTravelState.subscribe(changed),
    useLessonActivity.subscribe(changed),
  ];
  return () => {
    for (const stop of stops) stop();
    if (timer) clearTimeout(timer);
  };
};

/**
 * Whose work the sandbox's stored log is: the learner's own, or (stored by an earlier version of
 * the lab, when chapters ran on the sandbox's stores) a chapter's scenario. A share link replaces
 * the sandbox's log, so it asks first when the log holds the learner's work. Chapters keep stores
 * of their own: work done in one is not noted here.
 */
const OWNER_KEY = 'cqrs-lab:log-owner';

export const noteWork = (): void => {
  if (typeof location !== 'undefined' && parseHash(location.hash).kind === 'chapter') return;
  try {
    storage()?.setItem(OWNER_KEY, 'sandbox');
  } catch {
    // Without storage the app asks before every share link that would replace a log.
  }
};

export const logHoldsSandboxWork = (): boolean =>
  useLog.getState().head > 0 && storage()?.getItem(OWNER_KEY) !== 'lesson';

import { useEffect, useState } from 'react';
import type { Chapter, Check, Observation } from '../../lessons/types';
import { clearActivity, markDone, observe, watchObservations } from '../../state/lessons';
import { chooseDomain } from '../../state/settings';
import { useLog, useViews } from '../../state/stores';
import { VIEW_NAMES, type ViewName } from '../../domain/views';
import { until } from '../../state/until';
import { useRuntime } from '../runtimeContext';

export type ChapterRun =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | { phase: 'ready'; revealed: boolean; done: boolean };

/**
 * Waits until the page's stores show the scenario's log (the old one is cleared by then) up to
 * `head`, and every view the scenario runs has applied it (its history was settled on the bus; a
 * view it pauses shows as paused): the first observation must not be taken from the old log.
 */
const storesReach = async (head: number, paused: readonly ViewName[] = []) => {
  await until(useLog, (log) => log.head >= head);
  await until(useViews, ({ views }) =>
    VIEW_NAMES.every((view) =>
      paused.includes(view)
        ? views[view]?.phase === 'paused'
        : (views[view]?.checkpoint ?? 0) >= head,
    ),
  );
};

const advance = <S>(check: Check<S>) => {
  let state: S | undefined;
  return {
    begin: (first: Observation) => {
      state = check.start(first);
    },
    see: (now: Observation): boolean => {
      if (state === undefined) return false;
      state = check.next(state, now);
      return check.done(state);
    },
  };
};

/**
 * Loads a chapter's scenario into the live system, on the lessons' own stores (the sandbox's log
 * and views are left as they are, so nothing needs asking first). Once the learner has locked in a prediction
 * (`locked`), it watches: the prediction is revealed and the chapter marked done when their checks
 * see it happen from then on (never from the scenario's own history, nor from what was done
 * before the prediction).
 */
export const useChapterRun = (chapter: Chapter, locked: boolean): ChapterRun => {
  const runtime = useRuntime();
  const [run, setRun] = useState<ChapterRun>({ phase: 'loading' });
  const ready = run.phase === 'ready';

  useEffect(() => {
    if (!runtime) return;
    let live = true;
    clearActivity();
    setRun({ phase: 'loading' });
    chooseDomain(chapter.scenario.domain);
    // One scenario loads at a time (the runtime queues them): one no longer wanted is skipped.
    runtime
      .enter('lesson')
      .then(() => (live ? runtime.loadScenario(chapter.scenario, () => live) : null))
      .then((head) => {
        // Skipped: no longer wanted (then nobody reads this), or the workers moved meanwhile.
        if (head === null)
          throw new Error('the workers moved to other stores before it was set up');
        return storesReach(head, chapter.scenario.pausedViews);
      })
      .then(() => {
        if (live) setRun({ phase: 'ready', revealed: false, done: false });
      })
      .catch((error: unknown) => {
        if (live)
          setRun({
            phase: 'failed',
            message: `Could not set up this chapter: ${error instanceof Error ? error.message : String(error)}`,
          });
      });
    return () => {
      live = false;
    };
  }, [runtime, chapter]);

  useEffect(() => {
    if (!ready || !locked) return;
    const check = advance(chapter.check);
    const reveal = advance(chapter.prediction.revealWhen);
    const first = observe();
    check.begin(first);
    reveal.begin(first);
    let state = { revealed: false, done: false };
    return watchObservations(() => {
      const now = observe();
      const next = {
        revealed: state.revealed || reveal.see(now),
        done: state.done || check.see(now),
      };
      if (next.done && !state.done) markDone(chapter.id);
      if (next.revealed !== state.revealed || next.done !== state.done) {
        state = next;
        setRun({ phase: 'ready', ...state });
      }
    });
  }, [ready, locked, chapter]);

  return run;
};

// Sets the live system up as a lesson's scenario says: an empty log, the chapter's delays, its
// history run to completion, and then the commands left in flight for the learner to step through.
import { DEFAULT_BUS_SETTINGS, defaultDelayOf } from '../bus/defaults';
import type { CommandOutcome } from '../bus/protocol';
import type { CommandInput } from '../domain/lab';
import { VIEW_NAMES, type ViewName } from '../domain/views';
import type { Scenario } from '../lessons/types';
import { forgetSession, noteDelays } from '../state/session';
import type { Controls } from './controls';

/** What loading a scenario uses of the runtime. */
export type ScenarioDeps = {
  downParts: () => string[];
  controls: Controls;
  restart: (view: ViewName) => Promise<void>;
  writeSide: { setInlineView: (view: ViewName | null) => Promise<void> };
  dispatch: (command: CommandInput) => Promise<CommandOutcome>;
  /** Resolves once the screen has taken in the next reset (asked for before it is sent). */
  nextResetShown: () => Promise<void>;
};

/**
 * Loads the scenario; resolves with the head of the log once its history is written (by then the
 * screen has cleared the old log, so whatever it shows next is the scenario's).
 */
export const loadScenario = async (runtime: ScenarioDeps, scenario: Scenario): Promise<number> => {
  // A scenario runs its history through the bus and the write model: both must be answering.
  const down = runtime.downParts();
  if (down.length > 0)
    throw new Error(
      `${down.join(' and ')} ${down.length > 1 ? 'are' : 'is'} not answering: restart it, then open the chapter again`,
    );
  const bus = runtime.controls;
  await bus.pause();
  // Views a learner killed or paused earlier come back first, so every chapter starts alike.
  for (const view of VIEW_NAMES) {
    await runtime.restart(view);
    await bus.resumeView(view);
  }
  await runtime.writeSide.setInlineView(null);
  const resetShown = runtime.nextResetShown();
  await bus.reset();
  await resetShown;
  for (const endpoint of Object.keys(DEFAULT_BUS_SETTINGS))
    await bus.setDelay(endpoint, scenario.delays?.[endpoint] ?? defaultDelayOf(endpoint));
  noteDelays(scenario.delays ?? {});
  for (const view of scenario.pausedViews ?? []) await bus.pauseView(view);

  const outcomes = scenario.history.map((command) => runtime.dispatch(command));
  await bus.settle();
  const settled = await Promise.all(outcomes);
  const refused = settled.find((outcome) => outcome.status !== 'accepted');
  if (refused && 'reason' in refused)
    throw new Error(`The chapter's history could not be written: ${refused.reason}`);

  // A scenario's history is the session a share link would have to replay.
  forgetSession(scenario.history);
  for (const command of scenario.inFlight ?? []) void runtime.dispatch(command);
  await bus.setSpeed(1);
  if (scenario.playing) await bus.play();
  return Math.max(
    0,
    ...settled.flatMap((outcome) =>
      outcome.status === 'accepted' ? outcome.events.map((e) => e.position) : [],
    ),
  );
};

// What the learner does with forks: start one from a past position, go to a log, delete one. The
// workers copy and delete the stores; the page keeps the list (state/forks.ts) and says what
// happened.
import { newForkSpace, type ForkSpace } from '../../eventstore/space';
import type { Runtime } from '../../runtime/runtime';
import {
  addFork,
  chooseLog,
  MAX_FORKS,
  newForkName,
  removeFork,
  spaceOfChoice,
  useForks,
  type Fork,
  type LogChoice,
} from '../../state/forks';
import { showNotice } from '../../state/stores';

/** What went wrong, in the words the error carries. */
export const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** "no events", "event #1", "events #1–#5": the start of a log forked at #`upTo`. */
export const eventsUpTo = (upTo: number): string =>
  upTo === 0 ? 'no events' : upTo === 1 ? 'event #1' : `events #1–#${String(upTo)}`;

/** A log's name in a sentence: Main as it is, a fork's in quotes. */
export const quotedLog = (name: string): string => (name === 'Main' ? 'Main' : `“${name}”`);

/** "Main’s log", "the log of “Fork from #5”". */
export const logOf = (name: string): string =>
  name === 'Main' ? 'Main’s log' : `the log of “${name}”`;

/** The name of the log the sandbox runs on now. */
export const nameOfChoice = (choice: LogChoice, forks: readonly Fork[]): string =>
  choice === 'main' ? 'Main' : (forks.find((fork) => fork.space === choice)?.name ?? 'Main');

/** Goes to `choice`'s log: the workers start again on its stores (its views, from its log). */
export const goTo = async (runtime: Runtime, choice: LogChoice): Promise<void> => {
  chooseLog(choice);
  await runtime.enter(spaceOfChoice(choice));
};

/**
 * Starts a fork whose log is events 1..`upTo` of the log running now, and goes to it. Nothing is
 * listed unless the copy succeeded; a copy that failed leaves no stores behind.
 */
export const forkFrom = async (runtime: Runtime, upTo: number): Promise<Fork> => {
  const { forks, choice } = useForks.getState();
  if (forks.length >= MAX_FORKS)
    throw new Error(
      `You have ${String(MAX_FORKS)} forks, the most the lab keeps: delete one you no longer need first`,
    );
  const space = newForkSpace();
  const copied = await runtime.forkLog(space, upTo).catch(async (error: unknown) => {
    await runtime.deleteLog(space).catch(() => undefined);
    throw error;
  });
  const source = nameOfChoice(choice, forks);
  const fork: Fork = {
    space,
    name: newForkName(upTo, forks),
    source,
    from: upTo,
    createdAt: new Date().toISOString(),
  };
  addFork(fork);
  await goTo(runtime, space);
  const from = quotedLog(source);
  showNotice(
    upTo === 0
      ? `Forked ${from} at #0: the new log starts empty. Nothing you do here changes ${from}.`
      : `Forked ${from} at #${String(upTo)}: the new log starts with a copy of ${eventsUpTo(upTo)} of ${from}, and its projections build its views from that copy. Nothing you do here changes ${from}.${
          copied.splitCommand
            ? ` #${String(upTo)} was not the last event of its command: the fork holds only part of what that command decided, a state no commit ever left, in which a rule may not hold.`
            : ''
        }`,
  );
  return fork;
};

/** Deletes `space`'s fork and its stores; from inside it, the lab goes back to Main first. */
export const deleteFork = async (runtime: Runtime, space: ForkSpace): Promise<void> => {
  if (useForks.getState().choice === space) await goTo(runtime, 'main');
  await runtime.deleteLog(space);
  removeFork(space);
};

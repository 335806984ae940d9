// The learner's forks: what-if logs started from a past position of Main's log (the sandbox's).
// Only their names and where they came from are kept here, in the browser's local storage; their
// logs and views are databases of their own, which the workers create and delete.
import { z } from 'zod';
import { create } from 'zustand';
import { textField } from '../domain/schemas';
import { isForkSpace, type ForkSpace, type Space } from '../eventstore/space';

export type Fork = {
  space: ForkSpace;
  name: string;
  /** The log it was forked from ("Main", or another fork's name then). */
  source: string;
  /** The position of that log it was forked at: it started with events 1..from. */
  from: number;
  createdAt: string;
};

/** Which log the sandbox shows: Main's, or a fork's. */
export type LogChoice = 'main' | ForkSpace;

export const FORKS_KEY = 'cqrs-lab-forks';
export const CHOICE_KEY = 'cqrs-lab-log';
export const MAX_FORKS = 20;
export const MAX_NAME = 40;

const forkSpace = z.string().refine(isForkSpace);

const visible = (label: string) =>
  textField(label, MAX_NAME).refine((name) => !/\p{C}/u.test(name), {
    error: `${label} may not contain control or invisible characters`,
  });

/** A fork's name as the learner may write it: visible characters only, and not "Main". */
export const forkNameSchema = visible('A fork’s name').refine(
  (name) => name.toLowerCase() !== 'main',
  {
    error: '“Main” is the sandbox’s log: choose another name',
  },
);

const forkSchema = z.object({
  space: forkSpace,
  name: forkNameSchema,
  source: visible('The log it came from'),
  from: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  createdAt: z.string().max(40),
});

/** The forks kept in storage; anything unreadable there is left out (never thrown at the page). */
export const parseForks = (stored: string | null): Fork[] => {
  if (!stored) return [];
  try {
    const found = z.array(z.unknown()).max(MAX_FORKS).safeParse(JSON.parse(stored));
    if (!found.success) return [];
    const forks = found.data.flatMap((item) => {
      const fork = forkSchema.safeParse(item);
      return fork.success ? [fork.data] : [];
    });
    return forks.filter((fork, i) => forks.findIndex((f) => f.space === fork.space) === i);
  } catch {
    return [];
  }
};

/** The choice kept in storage, if it names Main or one of `forks`. */
export const parseChoice = (stored: string | null, forks: readonly Fork[]): LogChoice =>
  forks.some((fork) => fork.space === stored) ? (stored as ForkSpace) : 'main';

/** The space the sandbox's workers run on for `choice`. */
export const spaceOfChoice = (choice: LogChoice): Space => (choice === 'main' ? 'sandbox' : choice);

/** Why `name` cannot name a fork (other than `except`), or null if it can. */
export const forkNameProblem = (
  name: string,
  forks: readonly Fork[],
  except?: ForkSpace,
): string | null => {
  const checked = forkNameSchema.safeParse(name);
  if (!checked.success) return checked.error.issues[0]?.message ?? 'That name cannot be used';
  const taken = forks.find(
    (fork) => fork.space !== except && fork.name.toLowerCase() === checked.data.toLowerCase(),
  );
  return taken ? `A fork is already called “${taken.name}”: choose another name` : null;
};

/** A name for a new fork from #`from` that no fork has yet. */
export const newForkName = (from: number, forks: readonly Fork[]): string => {
  const base = `Fork from #${String(from)}`;
  const taken = (name: string) => forks.some((f) => f.name.toLowerCase() === name.toLowerCase());
  if (!taken(base)) return base;
  let n = 2;
  while (taken(`${base} (${String(n)})`)) n += 1;
  return `${base} (${String(n)})`;
};

const storage = (): Storage | undefined =>
  typeof localStorage === 'undefined' ? undefined : localStorage;

const read = () => {
  const forks = parseForks(storage()?.getItem(FORKS_KEY) ?? null);
  return { forks, choice: parseChoice(storage()?.getItem(CHOICE_KEY) ?? null, forks) };
};

export const useForks = create<{ forks: Fork[]; choice: LogChoice }>(read);

const keep = () => {
  const { forks, choice } = useForks.getState();
  try {
    storage()?.setItem(FORKS_KEY, JSON.stringify(forks));
    storage()?.setItem(CHOICE_KEY, choice);
  } catch {
    // Storage full or refused: the forks last this visit (their logs are kept all the same).
  }
};

export const addFork = (fork: Fork): void => {
  useForks.setState(({ forks }) => ({ forks: [...forks, fork] }));
  keep();
};

export const renameFork = (space: ForkSpace, name: string): void => {
  useForks.setState(({ forks }) => ({
    forks: forks.map((fork) => (fork.space === space ? { ...fork, name: name.trim() } : fork)),
  }));
  keep();
};

export const removeFork = (space: ForkSpace): void => {
  useForks.setState(({ forks, choice }) => ({
    forks: forks.filter((fork) => fork.space !== space),
    choice: choice === space ? 'main' : choice,
  }));
  keep();
};

export const chooseLog = (choice: LogChoice): void => {
  useForks.setState({ choice });
  keep();
};

// Another tab forked, renamed or deleted: this one lists the same forks (its own choice stands,
// unless the fork it shows was deleted there).
if (typeof window !== 'undefined')
  window.addEventListener('storage', (event) => {
    if (event.key !== FORKS_KEY) return;
    const forks = parseForks(event.newValue);
    useForks.setState(({ choice }) => ({
      forks,
      choice: forks.some((f) => f.space === choice) ? choice : 'main',
    }));
  });

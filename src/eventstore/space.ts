// Where the lab keeps its stores: the learner's sandbox (the log called Main on screen), the
// lessons' own, or a fork of the sandbox's log (a what-if started from a past position). Each space
// has its own IndexedDB databases, its own log channel and its own locks, so a chapter or a fork
// never touches the sandbox's log or views (and the sandbox keeps the names it has always had).
export type ForkSpace = `fork-${string}`;
export type Space = 'sandbox' | 'lesson' | ForkSpace;

const FORK = /^fork-[a-z0-9]{1,16}$/;

export const isForkSpace = (value: unknown): value is ForkSpace =>
  typeof value === 'string' && FORK.test(value);

export const isSpace = (value: unknown): value is Space =>
  value === 'sandbox' || value === 'lesson' || isForkSpace(value);

/** A new fork's space: its stores are named after it, so it is short, lower case and unique. */
export const newForkSpace = (): ForkSpace =>
  `fork-${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;

/** The database of the lab's log, before its space's suffix (see inSpace). */
export const EVENT_STORE_NAME = 'cqrs-lab-events';

/** The name of a database, channel or lock in `space`. */
export const inSpace = (name: string, space: Space): string =>
  space === 'sandbox' ? name : `${name}-${space}`;

/** Whether a database, channel or lock of that name belongs to `space` (never the sandbox's). */
export const belongsTo = (name: string, space: Exclude<Space, 'sandbox'>): boolean =>
  name.endsWith(`-${space}`);

const MARK = ' @';

/**
 * A worker's name that carries its space: a worker that opens its store as it starts reads it
 * from `self.name` (`spaceOfWorker`), before any message can reach it.
 */
export const workerNamed = (name: string, space: Space): string =>
  space === 'sandbox' ? name : `${name}${MARK}${space}`;

/** The space a worker was started in, from its name (the sandbox when it names none). */
export const spaceOfName = (name: string): Space => {
  const at = name.lastIndexOf(MARK);
  const space = at < 0 ? undefined : name.slice(at + MARK.length);
  return isSpace(space) ? space : 'sandbox';
};

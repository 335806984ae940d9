// Where the lab keeps its stores: the learner's sandbox, or the lessons' own. Each space has its
// own IndexedDB databases, its own log channel and its own locks, so a chapter never touches the
// sandbox's log or views (and the sandbox keeps the names it has always had).
export const SPACES = ['sandbox', 'lesson'] as const;
export type Space = (typeof SPACES)[number];

export const isSpace = (value: unknown): value is Space =>
  (SPACES as readonly unknown[]).includes(value);

/** The name of a database, channel or lock in `space`. */
export const inSpace = (name: string, space: Space): string =>
  space === 'sandbox' ? name : `${name}-${space}`;

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

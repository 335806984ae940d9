// A learner's own projection (issue 21): their code, compiled and run over the log's events a batch
// at a time, in a worker of its own (workers/learner.worker.ts). Pure, so it is tested without one.
// Their code defines `initialState` and `function project(state, event)`, nothing more.

/** What their projection is given for each event: the stored event, as the built-in views see it. */
export type LearnerEvent = {
  position: number;
  streamId: string;
  version: number;
  type: string;
  data: unknown;
};

/** Why their projection stopped, and where: the line of their code and the event it was applying. */
export type LearnerFailure = {
  message: string;
  /** 1-based line in their code; null when the error carries none. */
  line: number | null;
  /** The position of the event being applied; null when it stopped before any event. */
  position: number | null;
};

export type Compiled = {
  initialState: unknown;
  project: (state: unknown, event: LearnerEvent) => unknown;
};

export const STARTER_PROJECTION = `// Where your view starts, and what each event
// does to it. An event: { position, streamId,
// version, type, data }, in log order.
// This one counts units ordered per SKU
// (cancelled orders too: try OrderCancelled).
const initialState = {};

function project(state, event) {
  if (event.type === 'OrderPlaced') {
    for (const line of event.data.lines) {
      state[line.sku] = (state[line.sku] ?? 0) + line.quantity;
    }
  }
  return state;
}
`;

const PRELUDE = '"use strict";\n';
/**
 * Lines before their first line in the function V8 compiles: `(function anonymous(`, `) {`, and
 * the prelude. A stack frame's line in that function, less these, is the line in their code.
 */
const LINES_BEFORE = 3;

const described = (error: unknown): string => {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  try {
    const text = JSON.stringify(error) as string | undefined;
    return `Thrown: ${text ?? String(error)}`;
  } catch {
    return `Thrown: ${String(error)}`;
  }
};

/** The line of their code an error was thrown at, from its stack (V8's `<anonymous>:line:column`). */
export const lineOf = (error: unknown): number | null => {
  if (!(error instanceof Error) || typeof error.stack !== 'string') return null;
  const found = /<anonymous>:(\d+):\d+/.exec(error.stack);
  if (!found) return null;
  const line = Number(found[1]) - LINES_BEFORE;
  return line >= 1 ? line : null;
};

export const failure = (error: unknown, position: number | null): LearnerFailure => ({
  message: described(error),
  line: lineOf(error),
  position,
});

export const isFailure = (value: Compiled | LearnerFailure): value is LearnerFailure =>
  'message' in value;

/**
 * Compiles their code. A syntax error carries no line here (V8 gives none for `new Function`): the
 * worker finds it with a parser (see `syntaxErrorLine`).
 */
export const compile = (code: string): Compiled | LearnerFailure => {
  let factory: () => [unknown, unknown];
  try {
    // Their code, compiled on purpose: this runs in their projection's own worker.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    factory = new Function(
      `${PRELUDE}${code}\n;return [typeof initialState === 'undefined' ? undefined : initialState, typeof project === 'undefined' ? undefined : project];`,
    ) as () => [unknown, unknown];
  } catch (error) {
    return failure(error, null);
  }
  let made: [unknown, unknown];
  try {
    made = factory();
  } catch (error) {
    return failure(error, null);
  }
  const [initialState, project] = made;
  if (typeof project !== 'function')
    return {
      message: 'Define a function project(state, event) that returns the state after the event.',
      line: null,
      position: null,
    };
  if (initialState === undefined)
    return {
      message: 'Define initialState: the state before the first event (for example {} or []).',
      line: null,
      position: null,
    };
  try {
    return { initialState: structuredClone(initialState), project: project as Compiled['project'] };
  } catch (error) {
    return { ...failure(error, null), message: `initialState cannot be kept: ${described(error)}` };
  }
};

export type Applied = { ok: true; state: unknown } | { ok: false; failure: LearnerFailure };

/**
 * Applies `events` in order to `state`. Their function may change the state it is given or return a
 * new one; it must return one. Stops at the first event it throws on or returns nothing for.
 */
export const applyEvents = (
  compiled: Compiled,
  start: unknown,
  events: readonly LearnerEvent[],
): Applied => {
  let state = start;
  for (const event of events) {
    let next: unknown;
    try {
      next = compiled.project(state, event);
    } catch (error) {
      return { ok: false, failure: failure(error, event.position) };
    }
    if (next === undefined)
      return {
        ok: false,
        failure: {
          message: `project returned nothing for event #${String(event.position)} (${event.type}): return the state, changed or not.`,
          line: null,
          position: event.position,
        },
      };
    state = next;
  }
  return { ok: true, state };
};

/**
 * A copy of the state that can leave the worker, or why it cannot (a function, a symbol, a class
 * instance's methods…): the state is shown on the page and must survive a structured clone.
 */
export const keepable = (
  state: unknown,
): { ok: true; copy: unknown } | { ok: false; why: string } => {
  try {
    return { ok: true, copy: structuredClone(state) };
  } catch (error) {
    return { ok: false, why: described(error) };
  }
};

/**
 * Applies a batch and checks the state can be kept after it. If it cannot, the batch is applied
 * again one event at a time from `kept` (the last state that could) to name the event that made it
 * so. Returns the new state and its kept copy.
 */
export const applyBatch = (
  compiled: Compiled,
  state: unknown,
  kept: unknown,
  events: readonly LearnerEvent[],
): { ok: true; state: unknown; kept: unknown } | { ok: false; failure: LearnerFailure } => {
  const applied = applyEvents(compiled, state, events);
  if (!applied.ok) return applied;
  const copy = keepable(applied.state);
  if (copy.ok) return { ok: true, state: applied.state, kept: copy.copy };
  let replay = structuredClone(kept);
  for (const event of events) {
    const one = applyEvents(compiled, replay, [event]);
    if (!one.ok) return one;
    replay = one.state;
    const check = keepable(replay);
    if (!check.ok)
      return {
        ok: false,
        failure: {
          message: `The state cannot be kept after event #${String(event.position)} (${event.type}): ${check.why}. Keep plain data in it: objects, arrays, strings, numbers, booleans, null.`,
          line: null,
          position: event.position,
        },
      };
  }
  return { ok: false, failure: { message: copy.why, line: null, position: null } };
};

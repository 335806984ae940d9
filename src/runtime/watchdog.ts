// A worker that has died (closed itself, crashed, run out of memory) sends no event the page could
// hear: it simply never answers again. The watchdog asks it every `everyMs` whether it is alive and
// calls `onDead` once, when a question has waited `deadAfterMs` without an answer. A worker busy
// with IndexedDB still answers between its awaits, so only a dead or truly stuck one is reported.

export type WatchdogOptions = {
  /** Resolves when the worker answers (a call it handles at once). */
  ping: () => Promise<unknown>;
  onDead: () => void;
  everyMs?: number;
  deadAfterMs?: number;
  now?: () => number;
};

export const DEAD_AFTER_MS = 6_000;

/** Starts watching; returns the function that stops it. */
export const watchdog = ({
  ping,
  onDead,
  everyMs = 1_000,
  deadAfterMs = DEAD_AFTER_MS,
  now = () => performance.now(),
}: WatchdogOptions): (() => void) => {
  let askedAt: number | null = null;
  let asked = 0;
  let lastCheck = now();
  const check = () => {
    const checkedAt = now();
    // The page itself was asleep (a hidden or frozen tab runs timers late, or not at all): the
    // worker slept too, so the question waited for nobody. Ask again rather than judge.
    const slept = checkedAt - lastCheck > everyMs * 3;
    lastCheck = checkedAt;
    if (slept) askedAt = null;
    if (askedAt === null) {
      askedAt = now();
      const question = (asked += 1);
      ping().then(
        () => {
          if (question === asked) askedAt = null;
        },
        () => undefined, // no answer is not an answer: the question keeps waiting
      );
      return;
    }
    if (checkedAt - askedAt < deadAfterMs) return;
    stop();
    onDead();
  };
  const timer = setInterval(check, everyMs);
  const stop = () => clearInterval(timer);
  return stop;
};

/** The watchdogs of a page's workers, by name; once all are stopped, none is started again. */
export const createWatchdogs = (
  options: Partial<Omit<WatchdogOptions, 'ping' | 'onDead'>> = {},
) => {
  const watching = new Map<string, () => void>();
  let stopped = false;
  const forget = (name: string) => {
    watching.get(name)?.();
    watching.delete(name);
  };
  return {
    /** Watches `name` (in place of any earlier watch of it); `patience` overrides the options. */
    watch: (
      name: string,
      ping: () => Promise<unknown>,
      onDead: () => void,
      patience: Partial<Omit<WatchdogOptions, 'ping' | 'onDead'>> = {},
    ) => {
      if (stopped) return;
      forget(name);
      watching.set(name, watchdog({ ...options, ...patience, ping, onDead }));
    },
    forget,
    /** True once every worker was stopped: a restart still under way must then give up. */
    stopped: () => stopped,
    stopAll: () => {
      stopped = true;
      for (const stop of watching.values()) stop();
      watching.clear();
    },
  };
};

export type Watchdogs = ReturnType<typeof createWatchdogs>;

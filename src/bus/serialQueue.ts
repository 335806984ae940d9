// Runs tasks one after another: a worker never interleaves two reads-then-writes of the same state.
export type SerialQueue = <T>(task: () => Promise<T>) => Promise<T>;

export const createSerialQueue = (): SerialQueue => {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
};

/**
 * Runs `drain` when called; a call that comes while it runs makes it run once more when done, so
 * nothing that arrived meanwhile waits for a later call. A call while it runs resolves at once.
 */
export const createDrain = (drain: () => Promise<void>): (() => Promise<void>) => {
  let running = false;
  let calls = 0;
  return async () => {
    calls += 1;
    if (running) return;
    running = true;
    try {
      let seen: number;
      do {
        seen = calls;
        await drain();
      } while (seen !== calls);
    } finally {
      running = false;
    }
  };
};

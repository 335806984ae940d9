/** A worker did not answer in time: it may be busy, stuck or dead. */
export class WorkerTimeoutError extends Error {
  constructor(what: string, ms: number, since: 'call' | 'progress' = 'call') {
    const seconds = `${(ms / 1000).toLocaleString('en-US')} s`;
    super(
      since === 'call'
        ? `${what} did not answer within ${seconds}`
        : `${what} reported no progress for ${seconds}`,
    );
    this.name = 'WorkerTimeoutError';
  }
}

/** Every call across a worker boundary goes through this, so no promise hangs forever. */
export const withTimeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new WorkerTimeoutError(what, ms)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });

/**
 * For a call that reports its progress (a catch-up over a long log): the limit counts from the
 * latest report, not from the call, so work that keeps moving is never cut off however long it
 * takes, and work that stops is. `start` makes the call, given the function to call on progress.
 */
export const withProgressTimeout = <T>(
  start: (progressed: () => void) => Promise<T>,
  ms: number,
  what: string,
): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => reject(new WorkerTimeoutError(what, ms, 'progress')), ms);
    };
    arm();
    start(() => {
      if (!settled) arm();
    }).then(
      (value) => {
        settled = true;
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        settled = true;
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });

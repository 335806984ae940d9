/** A worker did not answer in time: it may be busy, stuck or dead. */
export class WorkerTimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} did not answer within ${(ms / 1000).toLocaleString('en-US')} s`);
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

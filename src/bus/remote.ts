// Every call to another thread goes through here: typed by the API the other side implements,
// limited in time, and failed at once when the caller learns the other side is gone.
import { proxy, wrap, type Endpoint } from 'comlink';
import { withProgressTimeout, withTimeout } from './timeout';

/** An API as another thread calls it: each method's result arrives as a promise. */
export type Calls<Api> = {
  [K in keyof Api]: Api[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : never;
};

/** Another thread's API, every call timed. */
export type Remote<Api> = Calls<Api> & {
  /** The other side is gone: the calls in flight fail at once, and so does every later one. */
  abort: (why: string) => void;
};

export type RemoteOptions<Api> = {
  /** Names the other side in errors ("The write model did not answer within 10 s"). */
  name: string;
  /**
   * Names what a call waits for, where that is not the other side itself: a bus call that starts
   * or rebuilds a view waits for that view ("Stock levels did not answer within 300 s").
   */
  about?: {
    [K in keyof Api]?: Api[K] extends (...args: infer A) => unknown
      ? (...args: A) => string
      : never;
  };
  timeoutMs: number;
  /** Longer limits for the calls that may read the whole log. */
  slowMs?: Partial<Record<keyof Api, number>>;
};

/**
 * A progress callback that reports nothing itself: given to a call whose other side reports
 * progress on, it makes remote() time the call from the latest report instead of in total.
 */
export const timedByProgress = (): void => undefined;

type Untyped = Record<string, ((...args: unknown[]) => Promise<unknown>) | undefined>;

/**
 * Wraps `endpoint` (a worker or a port that exposes `Api` with Comlink). A function passed as an
 * argument (a progress callback) is sent as a proxy, so it is called back across the boundary.
 */
export const remote = <Api extends object>(
  endpoint: Endpoint,
  { name, timeoutMs, slowMs = {}, about = {} }: RemoteOptions<Api>,
): Remote<Api> => {
  const target = wrap<Untyped>(endpoint) as unknown as Untyped;
  let fail: (error: Error) => void = () => undefined;
  const gone = new Promise<never>((_, reject) => (fail = reject));
  gone.catch(() => undefined);
  const abort = (why: string) => fail(new Error(why));
  const call =
    (method: string) =>
    (...args: unknown[]) => {
      const send = target[method];
      if (!send) return Promise.reject(new Error(`${name} offers no ${method}`));
      const limit = slowMs[method as keyof Api] ?? timeoutMs;
      const what = about[method as keyof Api];
      const label = what ? what(...args) : name;
      if (!args.some((arg) => typeof arg === 'function')) {
        return Promise.race([withTimeout(send(...args), limit, label), gone]);
      }
      // A call handed a callback reports progress through it: its limit counts from the last report.
      const sending = (progressed: () => void) =>
        send(
          ...args.map((arg) =>
            typeof arg === 'function'
              ? proxy((...values: unknown[]) => {
                  progressed();
                  return (arg as (...values: unknown[]) => unknown)(...values);
                })
              : arg,
          ),
        );
      return Promise.race([withProgressTimeout(sending, limit, label), gone]);
    };
  return new Proxy({} as Remote<Api>, {
    get: (_, key) => {
      if (key === 'abort') return abort;
      // Not a thenable (awaiting it must not call the worker), and no symbols.
      if (typeof key !== 'string' || key === 'then') return undefined;
      return call(key);
    },
  });
};

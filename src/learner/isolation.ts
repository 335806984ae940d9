// What a learner's code cannot reach in its worker: the network and the lab's storage. Their code is
// their own, run in their own browser: this keeps an accident (a stray fetch, a loop over
// indexedDB.databases()) from touching anything, not a determined author from finding a way out.

/** The worker globals taken away before their code runs. */
export const HIDDEN_FROM_LEARNER = [
  'fetch',
  'importScripts',
  'XMLHttpRequest',
  'WebSocket',
  'WebTransport',
  'EventSource',
  'indexedDB',
  'caches',
] as const;

/** Shadows each name on `scope` with an own, fixed `undefined`, so their code finds nothing there. */
export const hideFromLearner = (scope: object): void => {
  for (const name of HIDDEN_FROM_LEARNER)
    Object.defineProperty(scope, name, {
      value: undefined,
      writable: false,
      configurable: false,
      enumerable: false,
    });
};

// A fault the learner can inject: the worker ends itself, as a crash would, and tells nobody. The
// page finds out only because the worker stops answering its watchdog.
const closeWorker = (): void => {
  (globalThis as unknown as { close: () => void }).close();
};

/** Ends the worker once the call that asked for it has been answered. */
export const crashSoon = (): void => {
  setTimeout(closeWorker, 0);
};

/**
 * Ends the worker here and now, at a named point of its work: nothing after this call runs. The
 * caller awaits it, so the step it stands before never starts.
 */
export const crashHere = (): Promise<never> => {
  closeWorker();
  return new Promise<never>(() => undefined);
};

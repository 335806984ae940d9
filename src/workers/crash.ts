// A fault the learner can inject: the worker ends itself, as a crash would, and tells nobody. The
// page finds out only because the worker stops answering its watchdog.
export const crashSoon = (): void => {
  setTimeout(() => (globalThis as unknown as { close: () => void }).close(), 0);
};

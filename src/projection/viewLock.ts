// Two tabs each run their own worker for a view, on the one read store the view keeps. Each commit
// is already a compare-and-set on the checkpoint, so a stale instance never writes over a newer
// one; but a start, catch-up or rebuild spans many transactions. Holding a Web Lock named after the
// read store for the whole operation makes it exclusive across tabs: the other tab's instance waits
// and then goes on from where this one left the store, instead of both working at once.

/** Runs `work` while no other instance of the same view (in any tab) runs its own. */
export type Exclusive = <T>(work: () => Promise<T>) => Promise<T>;

/** No lock: enough where only one instance can exist (tests, the design comparison). */
export const alone: Exclusive = (work) => work();

/** The origin-wide Web Lock `name` (shared by every tab and worker); `alone` where there is none. */
export const webLock = (name: string): Exclusive => {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  return locks ? (work) => locks.request(name, work) : alone;
};

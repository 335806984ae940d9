// When a newer version of the app, open in another tab, upgrades a database this worker holds
// open, the worker lets go at once (so the upgrade never waits on it) and tells the page, which
// asks the learner to reload. Nothing stored is lost: the newer tab carries the data over.
import type Dexie from 'dexie';

/** The message a worker posts to the page when its databases were upgraded under it. */
export const OUTDATED = 'cqrs-lab:outdated';

export const letGoOnUpgrade = <D extends Dexie>(
  db: D,
  /** `deleted`: the database was deleted (a fork deleted in another tab), not upgraded. */
  tell: (deleted: boolean) => void,
): D => {
  db.on('versionchange', (event: IDBVersionChangeEvent) => {
    db.close();
    tell(event.newVersion === null);
    return false; // handled: Dexie's default would only close it, silently
  });
  return db;
};

/** In a worker: tell the page through the worker's own channel. */
export const tellPage = (deleted = false): void => {
  (globalThis as unknown as { postMessage: (message: unknown) => void }).postMessage({
    kind: OUTDATED,
    deleted,
  });
};

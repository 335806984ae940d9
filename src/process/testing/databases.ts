// Fulfilment's log and the process manager's store, fresh for each test of the calling spec file and
// deleted after it. Call it once, at the top of the file.
import { afterEach } from 'vitest';
import { EventStoreDb } from '../../eventstore';
import { ManagerDb } from '../managerHost';

export const processDatabasesPerTest = () => {
  const opened: (EventStoreDb | ManagerDb)[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) {
      db.close();
      await db.delete();
    }
  });
  return () => {
    const log = new EventStoreDb(`test-fulfilment-${crypto.randomUUID()}`);
    const managerDb = new ManagerDb(`test-manager-${crypto.randomUUID()}`);
    opened.push(log, managerDb);
    return { log, managerDb };
  };
};

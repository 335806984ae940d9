// Where a learner's projection code is kept between visits: a database of its own, opened by the
// learner's worker with the IndexedDB it had before their code could run (see isolation.ts).
import Dexie, { type DexieOptions, type Table } from 'dexie';

export const LEARNER_STORE_NAME = 'cqrs-lab-learner';

type CodeRow = { id: 'projection'; code: string };

export class LearnerCodeDb extends Dexie {
  code!: Table<CodeRow, string>;

  constructor(options?: DexieOptions) {
    super(LEARNER_STORE_NAME, options);
    this.version(1).stores({ code: 'id' });
  }
}

export const savedCode = async (db: LearnerCodeDb): Promise<string | null> =>
  (await db.code.get('projection'))?.code ?? null;

export const saveCode = async (db: LearnerCodeDb, code: string): Promise<void> => {
  await db.code.put({ id: 'projection', code });
};

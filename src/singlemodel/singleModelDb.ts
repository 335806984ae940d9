// The store of the design without CQRS: each aggregate's current state, kept in place and
// overwritten by every write. No log, no views: reads and writes use these same rows.
import Dexie, { type Table } from 'dexie';

export const SINGLE_MODEL_NAME = 'cqrs-lab-single';

export type StateRow = { streamId: string; state: unknown };

export class SingleModelDb extends Dexie {
  state!: Table<StateRow, string>;

  constructor(name: string = SINGLE_MODEL_NAME) {
    super(name);
    this.version(1).stores({ state: 'streamId' });
  }
}

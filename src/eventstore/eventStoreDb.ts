// The event log in IndexedDB. The unique [streamId+version] index is what makes a lost update impossible:
// the database itself refuses a second event 5 on one stream, even from another tab.
import Dexie, { type Table } from 'dexie';
import type { StoredEvent } from '../domain/types';

export const EVENT_STORE_NAME = 'cqrs-lab-events';

/** One handled command and its outcome, recorded in the same transaction as its events. */
export type CommandRecord = {
  commandId: string;
  type: string;
  recordedAt: string;
} & ({ outcome: 'accepted'; positions: number[] } | { outcome: 'rejected'; reason: string });

/** A row of the inline view kept beside the log (see inline.ts). */
export type InlineRow = { key: string; value: unknown };

export class EventStoreDb extends Dexie {
  events!: Table<StoredEvent, number>;
  commands!: Table<CommandRecord, string>;
  inline!: Table<InlineRow, string>;

  constructor(name: string = EVENT_STORE_NAME) {
    super(name);
    this.version(1).stores({
      events: 'position, &[streamId+version], streamId, type',
      commands: 'commandId',
    });
    // Version 2 adds the inline view (read-your-writes lesson); events are unchanged.
    this.version(2).stores({ inline: 'key' });
  }
}

// The event log in IndexedDB. The unique [streamId+version] index is what makes a lost update impossible:
// the database itself refuses a second event 5 on one stream, even from another tab.
import Dexie, { type Table, type Transaction } from 'dexie';
import type { StoredEvent } from '../domain/types';
import { CURRENT_SCHEMA_VERSION, upcastMeta } from './upcast';

export const EVENT_STORE_NAME = 'cqrs-lab-events';

/** One handled command and its outcome, recorded in the same transaction as its events. */
export type CommandRecord = {
  commandId: string;
  type: string;
  recordedAt: string;
} & ({ outcome: 'accepted'; positions: number[] } | { outcome: 'rejected'; reason: string });

/** A row of the inline view kept beside the log (see inline.ts). */
export type InlineRow = { key: string; value: unknown };

/**
 * Which log this is. Appends keep it; anything that takes events away or replaces them (Step back,
 * Reset, an import in place of the log) gives it a new id in the same transaction, so a reader that
 * kept a copy of the log can tell, with one read, whether its copy still holds.
 */
export type LogMark = { key: 'log'; id: string };

export class EventStoreDb extends Dexie {
  events!: Table<StoredEvent, number>;
  commands!: Table<CommandRecord, string>;
  inline!: Table<InlineRow, string>;
  marks!: Table<LogMark, string>;

  constructor(name: string = EVENT_STORE_NAME) {
    super(name);
    this.version(1).stores({
      events: 'position, &[streamId+version], streamId, type',
      commands: 'commandId',
    });
    // Version 2 adds the inline view (read-your-writes lesson); events are unchanged.
    this.version(2).stores({ inline: 'key' });
    // Version 3 migrates the stored events to schema version 2: each names its command's type.
    this.version(3).upgrade(migrateToCommandTypes);
    // Version 4 adds the log's mark (see LogMark); events are unchanged.
    this.version(4).stores({ marks: 'key' });
  }
}

/**
 * The version 3 upgrade, in the upgrade's own transaction (all of it, or none): every event of
 * schema version 1 gets its command's type from the command records, and schema version 2.
 */
async function migrateToCommandTypes(tx: Transaction): Promise<void> {
  const records = await tx.table<CommandRecord, string>('commands').toArray();
  const typeOf = new Map(records.map((record) => [record.commandId, record.type]));
  await tx
    .table<StoredEvent, number>('events')
    .filter((event) => event.meta.schemaVersion < CURRENT_SCHEMA_VERSION)
    .modify((event) => {
      event.meta = upcastMeta(event.meta, typeOf.get(event.meta.commandId));
    });
}

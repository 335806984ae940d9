// The event log in IndexedDB. The unique [streamId+version] index is what makes a lost update impossible:
// the database itself refuses a second event 5 on one stream, even from another tab. The unique
// `command` index does the same for a command appended twice (see EventRow).
import Dexie, { type Table, type Transaction } from 'dexie';
import type { StoredEvent } from '../domain/types';
import { EVENT_STORE_NAME } from './space';
import { CURRENT_SCHEMA_VERSION, upcastMeta } from './upcast';
import { parseEnvelope, readRow, type Parsed } from './storedRow';
import { isUnreadable, type UnreadableEvent } from './unreadable';

export { EVENT_STORE_NAME } from './space';

/**
 * An event as stored. The first event of each command also carries the command's id in `command`,
 * under a unique index: it is how a retried command finds what it appended the first time, and the
 * database itself refuses the same command twice, even from another tab. A command's events are
 * appended together, so they sit one after another from there. Readers never see `command` (upcast
 * drops it); refusals store nothing, so nothing records them.
 */
export type EventRow = StoredEvent & { command?: string };

/**
 * A command record as versions 1 to 4 kept them, in a table of their own beside the events, written
 * in the same transaction. Version 5 replaced them by the `command` index (see EventRow): one write
 * less per command.
 */
export type LegacyCommandRecord = {
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

/** How a log reads its rows, and who hears of a row it cannot read. */
export type RowReading = {
  /** What an event of this log looks like (default: the envelope every log shares). */
  parse?: (raw: unknown) => Parsed;
  /** Told of each row read that is not an event (the page names it to the learner). */
  onUnreadable?: (event: UnreadableEvent) => void;
};

export class EventStoreDb extends Dexie {
  events!: Table<EventRow, number>;
  inline!: Table<InlineRow, string>;
  marks!: Table<LogMark, string>;
  private readonly reading: RowReading;

  constructor(name: string = EVENT_STORE_NAME, reading: RowReading = {}) {
    super(name);
    this.reading = reading;
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
    // Version 5 marks each command's first event (EventRow) and drops the command records.
    this.version(5)
      .stores({ events: 'position, &[streamId+version], streamId, type, &command', commands: null })
      .upgrade(markCommands);
  }

  /**
   * A stored row as readers get it: the event it holds (upcast, without the store's `command`
   * mark), or the placeholder that keeps an unreadable row's position (see storedRow.ts).
   */
  read(row: unknown): StoredEvent {
    const event = readRow(row, this.reading.parse ?? parseEnvelope);
    if (isUnreadable(event)) this.reading.onUnreadable?.(event);
    return event;
  }
}

/**
 * The version 3 upgrade, in the upgrade's own transaction (all of it, or none): every event of
 * schema version 1 gets its command's type from the command records, and schema version 2.
 */
async function migrateToCommandTypes(tx: Transaction): Promise<void> {
  const records = await tx.table<LegacyCommandRecord, string>('commands').toArray();
  const typeOf = new Map(records.map((record) => [record.commandId, record.type]));
  await tx
    .table<StoredEvent, number>('events')
    .filter((event) => {
      // A row too damaged to say its version is left as it is: readers keep it aside (storedRow.ts).
      const version = (event.meta as Partial<StoredEvent['meta']> | null)?.schemaVersion;
      return typeof version === 'number' && version < CURRENT_SCHEMA_VERSION;
    })
    .modify((event) => {
      event.meta = upcastMeta(event.meta, typeOf.get(event.meta.commandId));
    });
}

/**
 * The version 5 upgrade: each accepted command's record becomes the mark on its first event (the
 * records of refusals go: a refusal stored nothing). An event whose command has no record (an early
 * import kept none) is left unmarked: a retry of that command would be decided again.
 */
async function markCommands(tx: Transaction): Promise<void> {
  const records = await tx.table<LegacyCommandRecord, string>('commands').toArray();
  const firstOf = new Map<number, string>();
  for (const record of records)
    if (record.outcome === 'accepted' && record.positions.length > 0)
      firstOf.set(Math.min(...record.positions), record.commandId);
  const events = tx.table<EventRow, number>('events');
  const rows = await events.bulkGet([...firstOf.keys()]);
  await events.bulkPut(
    rows.flatMap((row) => {
      const commandId = (row?.meta as Partial<StoredEvent['meta']> | null | undefined)?.commandId;
      return row && commandId === firstOf.get(row.position) ? [{ ...row, command: commandId }] : [];
    }),
  );
}

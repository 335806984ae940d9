// Events written by older code keep their old shape in files and, until the store is upgraded, in
// IndexedDB; upcasting lifts them to the shape the current code expects. Schema version 2 names, in
// each event's metadata, the type of the command that appended it (version 1 did not).
import type { EventMeta } from '../domain/types';

export const CURRENT_SCHEMA_VERSION = 2;

/** What a version 1 event's command was called, when nothing records it. */
export const UNKNOWN_COMMAND = 'unknown';

/** Metadata as some schema version wrote it: version 1 has no commandType. */
export type AnyEventMeta = Omit<EventMeta, 'commandType'> & { commandType?: string };

/** Lifts metadata to the current version; `commandType` is what the command records say, if any. */
export const upcastMeta = (meta: AnyEventMeta, commandType?: string): EventMeta => ({
  ...meta,
  commandType: meta.commandType ?? commandType ?? UNKNOWN_COMMAND,
  schemaVersion: CURRENT_SCHEMA_VERSION,
});

// The placeholder that stands, at its position, for a stored row the code cannot read (see
// storedRow.ts). Kept free of the schemas, so the page can tell a placeholder from an event cheaply.
import type { StoredEvent } from '../domain/types';
import { CURRENT_SCHEMA_VERSION } from './upcast';

/** The type of the placeholder that stands for a row the code cannot read. */
export const UNREADABLE = 'Unreadable';

export type UnreadableEvent = StoredEvent<{ type: typeof UNREADABLE; data: { reason: string } }>;

export const isUnreadable = (event: StoredEvent): event is UnreadableEvent =>
  event.type === UNREADABLE;

const positiveWhole = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1;

/**
 * The placeholder for a row that is not an event: its position (the store's key, so always there),
 * and its stream and version where they are readable (a writer must not reuse that version).
 */
export const unreadable = (row: unknown, reason: string): UnreadableEvent => {
  const fields = (typeof row === 'object' && row !== null ? row : {}) as {
    position?: unknown;
    streamId?: unknown;
    version?: unknown;
  };
  return {
    position: Number(fields.position),
    streamId: typeof fields.streamId === 'string' ? fields.streamId : '',
    version: positiveWhole(fields.version) ? fields.version : 0,
    type: UNREADABLE,
    data: { reason },
    meta: {
      commandId: '',
      correlationId: '',
      causationId: '',
      recordedAt: '',
      schemaVersion: CURRENT_SCHEMA_VERSION,
      commandType: '',
    },
  };
};

/** The message a worker posts to the page for each unreadable row it reads. */
export const UNREADABLE_ROW = 'cqrs-lab:unreadable-row';

export type UnreadableRowNews = {
  kind: typeof UNREADABLE_ROW;
  /** The database of the log read (a page may read other logs than its own: a fork's, Main's). */
  log: string;
  position: number;
  streamId: string;
  reason: string;
};

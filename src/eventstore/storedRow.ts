// Reading a stored row. A row is an event only if it has the shape the current code reads: the same
// checks an imported line gets (envelope, schema version, type, data, stream). Anything else (left by
// a crashed tab, another version of the app, a browser extension) is kept aside as an `Unreadable`
// placeholder at its position: no decider folds it and no view applies it, yet positions stay
// contiguous, so every reader passes it and the page can name it.
import { z } from 'zod';
import { EVENT_DATA_SCHEMAS, isEventType } from '../domain/eventSchemas';
import { labDomain, type LabEvent } from '../domain/lab';
import type { StoredEvent } from '../domain/types';
import { fieldIssues, summarizeIssues, withPaths } from '../domain/validation';
import { unreadable } from './unreadable';
import { CURRENT_SCHEMA_VERSION, upcastMeta } from './upcast';

const idField = z.string().min(1).max(100);
export const envelopeSchema = z.object({
  position: z.number().int().min(1),
  streamId: z.string().min(1).max(100),
  version: z.number().int().min(1),
  type: z.string().min(1).max(100),
  data: z.unknown(),
  meta: z.object({
    commandId: idField,
    correlationId: idField,
    causationId: idField,
    recordedAt: z.iso.datetime({ offset: true }),
    schemaVersion: z.number().int().min(1).max(CURRENT_SCHEMA_VERSION),
    /** Schema version 2 on; a version 1 row has none (it is upcast as it is read). */
    commandType: idField.optional(),
  }),
});

/** An event as the current code reads it, or why this row or line is not one. */
export type Parsed = { event: StoredEvent } | { reason: string };

/** Reads an event in the envelope every log shares, whatever its types (a process's own log). */
export const parseEnvelope = (raw: unknown): Parsed => {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return { reason: withPaths(envelope.error) };
  const { meta } = envelope.data;
  if (meta.schemaVersion >= 2 && meta.commandType === undefined)
    return { reason: 'meta.commandType: required from schema version 2 on' };
  return { event: { ...envelope.data, meta: upcastMeta(meta) } };
};

/** Reads an event of the lab's log: the envelope, then a known type, its data and its stream. */
export const parseLabEvent = (raw: unknown): Parsed => {
  const parsed = parseEnvelope(raw);
  if (!('event' in parsed)) return parsed;
  const { type, streamId } = parsed.event;
  if (!isEventType(type)) return { reason: `unknown event type "${type}"` };
  const data = EVENT_DATA_SCHEMAS[type].safeParse(parsed.event.data);
  if (!data.success) return { reason: `${type}: ${summarizeIssues(fieldIssues(data.error))}` };
  const expectedStream = labDomain.streamOf({ type, data: data.data } as LabEvent);
  if (streamId !== expectedStream)
    return { reason: `${type} belongs to stream ${expectedStream}, not ${streamId}` };
  return { event: { ...parsed.event, type, data: data.data } };
};

/** A row read: the event it holds, or its placeholder. */
export const readRow = (row: unknown, parse: (raw: unknown) => Parsed): StoredEvent => {
  const parsed = parse(row);
  return 'event' in parsed ? parsed.event : unreadable(row, parsed.reason);
};

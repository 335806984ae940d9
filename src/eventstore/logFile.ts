// The exported log: NDJSON, a header line and then one event per line, oldest first. Importing
// checks every line before anything is stored, and names the first bad line and why.
import { z } from 'zod';
import { EVENT_DATA_SCHEMAS, isEventType } from '../domain/eventSchemas';
import { whyNot } from '../domain/factCheck';
import { labDomain, type LabEvent, type LabState } from '../domain/lab';
import type { StoredEvent } from '../domain/types';
import { fieldIssues, summarizeIssues } from '../domain/validation';
import { CURRENT_SCHEMA_VERSION, upcastMeta } from './upcast';

export const LOG_FORMAT = 'cqrs-lab-log';
export const LOG_FILE_VERSION = 1;
export const MAX_IMPORT_EVENTS = 500_000;
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

const headerSchema = z.object({
  format: z.literal(LOG_FORMAT, { error: `this is not a CQRS Lab log (format "${LOG_FORMAT}")` }),
  version: z.literal(LOG_FILE_VERSION, {
    error: `this app reads log files of version ${String(LOG_FILE_VERSION)}`,
  }),
  events: z
    .number({ error: 'the header must say how many events follow ("events": a number)' })
    .int('the number of events must be a whole number')
    .min(0, 'the number of events cannot be negative')
    .max(
      MAX_IMPORT_EVENTS,
      `a log file holds at most ${MAX_IMPORT_EVENTS.toLocaleString('en-US')} events`,
    ),
});

const idField = z.string().min(1).max(100);
const envelopeSchema = z.object({
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
    /** Schema version 2 on; a version 1 file has none (its events are upcast as they come in). */
    commandType: idField.optional(),
  }),
});

/** The log as a file: a header, then one event per line. */
export const toLogFile = (events: readonly StoredEvent[], exportedAt: string): string =>
  [
    JSON.stringify({
      format: LOG_FORMAT,
      version: LOG_FILE_VERSION,
      events: events.length,
      exportedAt,
    }),
    ...events.map((event) => JSON.stringify(event)),
    '',
  ].join('\n');

/** The log an import goes on top of (append), or nothing (replace). */
export type ImportBase = {
  state: LabState;
  versions: ReadonlyMap<string, number>;
  /** The ids of the commands whose events the log holds: a file appended may not use them. */
  commands: ReadonlySet<string>;
};

export type LogCheck =
  | { ok: true; events: StoredEvent[]; streams: number }
  | { ok: false; line: number; reason: string };

const refuse = (line: number, reason: string): LogCheck => ({ ok: false, line, reason });

/** Zod's issues with the field each is about (the envelope's messages do not name it). */
const withPaths = (error: z.ZodError): string =>
  error.issues
    .map((issue) => `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`)
    .join('; ');

/**
 * Checks a log file line by line: its header; every event's shape, position (1, 2, 3… without
 * gaps), stream and version (each stream 1, 2, 3…); and that each fact can follow the ones before
 * it (no reservation of a product that does not exist, no balance below zero). On top of `base`
 * (append), the file may only bring new streams and new commands.
 */
export const checkLogFile = (text: string, base?: ImportBase): LogCheck => {
  if (text.length > MAX_IMPORT_BYTES)
    return refuse(0, `the file is larger than ${String(MAX_IMPORT_BYTES / 1024 / 1024)} MB`);
  // A byte-order mark, which some editors write, is not part of the header.
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  while (lines.length > 0 && lines.at(-1)?.trim() === '') lines.pop();
  if (lines.length === 0) return refuse(0, 'the file is empty');
  let header: unknown;
  try {
    header = JSON.parse(lines[0] ?? '');
  } catch {
    return refuse(1, 'the first line is not JSON: a log file starts with its header');
  }
  const parsedHeader = headerSchema.safeParse(header);
  if (!parsedHeader.success) return refuse(1, withPaths(parsedHeader.error));
  const declared = parsedHeader.data.events;
  if (lines.length - 1 !== declared)
    return refuse(
      1,
      `the header announces ${String(declared)} events but the file holds ${String(lines.length - 1)}`,
    );

  const events: StoredEvent[] = [];
  const versions = new Map<string, number>();
  /** The line of each command's last event so far: a command's events come one after another. */
  const commandLines = new Map<string, number>();
  let state = base?.state ?? labDomain.initialState();
  for (let i = 1; i < lines.length; i += 1) {
    const line = i + 1;
    let raw: unknown;
    try {
      raw = JSON.parse(lines[i] ?? '');
    } catch {
      return refuse(line, 'not valid JSON');
    }
    const envelope = envelopeSchema.safeParse(raw);
    if (!envelope.success) return refuse(line, withPaths(envelope.error));
    const { position, streamId, version, type, meta } = envelope.data;
    if (meta.schemaVersion >= 2 && meta.commandType === undefined)
      return refuse(line, 'meta.commandType: required from schema version 2 on');
    if (position !== i)
      return refuse(line, `position ${String(position)} should be ${String(i)} (no gaps)`);
    const commandLine = commandLines.get(meta.commandId);
    if (commandLine !== undefined && commandLine !== line - 1)
      return refuse(
        line,
        `command ${meta.commandId} already appended the events up to line ${String(commandLine)}: a command's events come one after another, and a command id is never used twice`,
      );
    if (commandLine === undefined && base?.commands.has(meta.commandId))
      return refuse(
        line,
        `command ${meta.commandId} is already in your log: a command id is never used twice, so appending takes only new commands (choose Replace to load this log instead)`,
      );
    commandLines.set(meta.commandId, line);
    if (!isEventType(type)) return refuse(line, `unknown event type "${type}"`);
    const data = EVENT_DATA_SCHEMAS[type].safeParse(envelope.data.data);
    if (!data.success) return refuse(line, `${type}: ${summarizeIssues(fieldIssues(data.error))}`);
    const event = { type, data: data.data } as LabEvent;
    const expectedStream = labDomain.streamOf(event);
    if (streamId !== expectedStream)
      return refuse(line, `${type} belongs to stream ${expectedStream}, not ${streamId}`);
    if (base?.versions.has(streamId))
      return refuse(
        line,
        `stream ${streamId} is already in your log: appending adds only new streams (choose Replace to load this log instead)`,
      );
    const expectedVersion = (versions.get(streamId) ?? 0) + 1;
    if (version !== expectedVersion)
      return refuse(
        line,
        `version ${String(version)} of ${streamId} should be ${String(expectedVersion)}`,
      );
    const next = labDomain.evolve(state, event);
    const why = whyNot(state, event, next);
    if (why) return refuse(line, why);
    state = next;
    versions.set(streamId, version);
    events.push({ ...envelope.data, type, data: data.data, meta: upcastMeta(meta) });
  }
  return { ok: true, events, streams: versions.size };
};

// The exported log: NDJSON, a header line and then one event per line, oldest first. Importing
// checks every line before anything is stored, and names the first bad line and why.
import { z } from 'zod';
import { whyNot } from '../domain/factCheck';
import { labDomain, type LabEvent, type LabState } from '../domain/lab';
import type { StoredEvent } from '../domain/types';
import { withPaths } from '../domain/validation';
import { parseLabEvent } from './storedRow';
import { isUnreadable } from './unreadable';

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

/**
 * The events a file can hold: every readable one, numbered again without the rows the code cannot
 * read (storedRow.ts), so positions and each stream's versions run 1, 2, 3… as an import checks.
 * A log without such rows is unchanged.
 */
export const readableEvents = (events: readonly StoredEvent[]): StoredEvent[] => {
  if (!events.some(isUnreadable)) return [...events];
  const versions = new Map<string, number>();
  return events
    .filter((event) => !isUnreadable(event))
    .map((event, i) => {
      const version = (versions.get(event.streamId) ?? 0) + 1;
      versions.set(event.streamId, version);
      return { ...event, position: i + 1, version };
    });
};

/** The log as a file: a header, then one event per line (the readable ones, see readableEvents). */
export const toLogFile = (log: readonly StoredEvent[], exportedAt: string): string => {
  const events = readableEvents(log);
  return [
    JSON.stringify({
      format: LOG_FORMAT,
      version: LOG_FILE_VERSION,
      events: events.length,
      exportedAt,
    }),
    ...events.map((event) => JSON.stringify(event)),
    '',
  ].join('\n');
};

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
    const parsed = parseLabEvent(raw);
    if (!('event' in parsed)) return refuse(line, parsed.reason);
    const { position, streamId, version, meta } = parsed.event;
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
    const event = parsed.event as StoredEvent<LabEvent>;
    const next = labDomain.evolve(state, event);
    const why = whyNot(state, event, next);
    if (why) return refuse(line, why);
    state = next;
    versions.set(streamId, version);
    events.push(event);
  }
  return { ok: true, events, streams: versions.size };
};

// What toLogFile writes, checkLogFile reads back unchanged: a header, then one event per line.
import { describe, expect, it } from 'vitest';
import type { EventMeta } from '../domain/types';
import { checkLogFile, toLogFile } from './logFile';
import {
  EXPORTED_AT,
  lineOf,
  VALID_EVENTS,
  VALID_FILE,
  VALID_LINES,
} from './testing/logFileFixture';
import { UNKNOWN_COMMAND } from './upcast';

describe('The log file', () => {
  describe('When a log is written and read back', () => {
    it('starts with a header naming the format, its version and how many events follow', () => {
      expect(JSON.parse(lineOf(1))).toEqual({
        format: 'cqrs-lab-log',
        version: 1,
        events: 7,
        exportedAt: EXPORTED_AT,
      });
      expect(VALID_LINES).toHaveLength(1 + 7 + 1);
      expect(VALID_FILE.endsWith('}\n')).toBe(true);
    });

    it('holds one event per line, oldest first', () => {
      expect(VALID_LINES.slice(1, -1).map((line) => JSON.parse(line) as unknown)).toEqual(
        VALID_EVENTS,
      );
    });

    it('is accepted with the same events and the number of streams they are on', () => {
      expect(checkLogFile(VALID_FILE)).toEqual({ ok: true, events: VALID_EVENTS, streams: 3 });
    });

    it('accepts a file written before schema version 2, its events upcast (command type unknown)', () => {
      const old = VALID_EVENTS.map((event) => {
        const meta: Partial<EventMeta> = { ...event.meta, schemaVersion: 1 };
        delete meta.commandType;
        return { ...event, meta };
      });
      const file = [lineOf(1), ...old.map((event) => JSON.stringify(event)), ''].join('\n');
      expect(checkLogFile(file)).toEqual({
        ok: true,
        events: VALID_EVENTS.map((event) => ({
          ...event,
          meta: { ...event.meta, commandType: UNKNOWN_COMMAND },
        })),
        streams: 3,
      });
    });

    it('accepts an empty log (a header announcing 0 events)', () => {
      expect(checkLogFile(toLogFile([], EXPORTED_AT))).toEqual({
        ok: true,
        events: [],
        streams: 0,
      });
    });

    it('accepts Windows line endings and trailing blank lines', () => {
      expect(checkLogFile(VALID_FILE.replaceAll('\n', '\r\n'))).toEqual({
        ok: true,
        events: VALID_EVENTS,
        streams: 3,
      });
      expect(checkLogFile(`${VALID_FILE}\n\n  \n`)).toEqual({
        ok: true,
        events: VALID_EVENTS,
        streams: 3,
      });
    });
  });
});

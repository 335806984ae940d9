// A log file that is bad in any single place (header, envelope, position, version, event data,
// stream, or a fact that cannot follow the ones before it) is refused with the line it is on and why.
import { describe, expect, it } from 'vitest';
import { checkLogFile } from './logFile';
import { BAD_CONTENT } from './testing/badLogContent';
import { BAD_FORM } from './testing/badLogForm';
import { refusalOf } from './testing/logFileFixture';

// One table, in two modules only to keep each file short.
const BAD_FILES = [...BAD_FORM, ...BAD_CONTENT];

describe('The log file', () => {
  describe('When a file is bad in one place', () => {
    it('has at least 45 cases to check', () => {
      expect(BAD_FILES.length).toBeGreaterThanOrEqual(45);
      expect(new Set(BAD_FILES.map((bad) => bad.name)).size).toBe(BAD_FILES.length);
    });

    it.each(
      BAD_FILES.map((bad) => ({
        ...bad,
        at: bad.line === 0 ? 'the whole file' : `line ${String(bad.line)}`,
      })),
    )('refuses $name, at $at', ({ text, line, reason }) => {
      const refusal = refusalOf(checkLogFile(text));
      expect(refusal.line).toBe(line);
      expect(refusal.reason).toMatch(reason);
    });
  });
});

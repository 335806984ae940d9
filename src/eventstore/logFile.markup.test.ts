// Event data that looks like HTML is imported as the text it is.
import { describe, expect, it } from 'vitest';
import { checkLogFile } from './logFile';
import { VALID_EVENTS, withData } from './testing/logFileFixture';

describe('The log file', () => {
  describe('When event data looks like markup', () => {
    it('accepts it as plain text, unchanged (text is data, not HTML)', () => {
      const name = '<img src=x onerror=alert(1)>';
      const check = checkLogFile(withData(2, { name }));
      expect(check.ok).toBe(true);
      if (!check.ok) throw new Error(check.reason);
      expect(check.events[0]?.data).toEqual({ sku: 'SKU-1', name, price: 12.5, stock: 5 });
      expect(check.events.slice(1)).toEqual(VALID_EVENTS.slice(1));
    });
  });
});

// A file appended on top of a log may only bring streams the log does not have yet.
import { describe, expect, it } from 'vitest';
import { labDomain, type LabEvent } from '../domain/lab';
import { checkLogFile, toLogFile, type ImportBase } from './logFile';
import {
  accountOpened,
  EXPORTED_AT,
  moneyDeposited,
  orderPlaced,
  productAdded,
  refusalOf,
  stockReserved,
  stored,
  VALID_EVENTS,
} from './testing/logFileFixture';

describe('The log file', () => {
  describe('When a file is appended on top of a log', () => {
    /** The valid log, as if it were already in the event store. */
    const base: ImportBase = {
      state: VALID_EVENTS.reduce(
        (state, event) => labDomain.evolve(state, event as unknown as LabEvent),
        labDomain.initialState(),
      ),
      versions: new Map(VALID_EVENTS.map((event) => [event.streamId, event.version])),
      commands: new Set(VALID_EVENTS.map((event) => event.meta.commandId)),
    };

    const touchingSku1 = toLogFile(
      stored([
        { commandId: 'imp-1', event: accountOpened('ACC-2') },
        { commandId: 'imp-2', event: productAdded('SKU-1', 9) },
      ]),
      EXPORTED_AT,
    );

    it('refuses a file that brings events for a stream already in the log', () => {
      const refusal = refusalOf(checkLogFile(touchingSku1, base));
      expect(refusal.line).toBe(3);
      expect(refusal.reason).toMatch(/stream product-SKU-1 is already in your log/);
    });

    it('refuses a file whose streams are new but whose command ids the log holds (ids renamed, command ids kept), at its line', () => {
      const reused = VALID_EVENTS[1]?.meta.commandId ?? '';
      const renamed = toLogFile(
        stored([
          { commandId: 'imp-1', event: productAdded('SKU-9', 4, 'Plate') },
          { commandId: reused, event: accountOpened('ACC-9') },
        ]),
        EXPORTED_AT,
      );
      const refusal = refusalOf(checkLogFile(renamed, base));
      expect(refusal.line).toBe(3);
      expect(refusal.reason).toBe(
        `command ${reused} is already in your log: a command id is never used twice, so appending takes only new commands (choose Replace to load this log instead)`,
      );
      expect(checkLogFile(renamed)).toMatchObject({ ok: true });
    });

    it('accepts the same file when it replaces the log instead', () => {
      const check = checkLogFile(touchingSku1);
      expect(check).toMatchObject({ ok: true, streams: 2 });
    });

    it('accepts a file that brings only new streams', () => {
      const events = stored([
        { commandId: 'imp-1', event: productAdded('SKU-2', 4, 'Plate') },
        { commandId: 'imp-2', event: orderPlaced('ORD-2', 'SKU-2') },
        { commandId: 'imp-2', event: stockReserved('SKU-2', 'ORD-2') },
        { commandId: 'imp-3', event: accountOpened('ACC-2') },
        { commandId: 'imp-4', event: moneyDeposited('ACC-2', 40) },
      ]);
      expect(checkLogFile(toLogFile(events, EXPORTED_AT), base)).toEqual({
        ok: true,
        events,
        streams: 3,
      });
    });
  });
});

// What an accepted command's feedback says in each design: appended to a log, or saved in place.
import { describe, expect, it } from 'vitest';
import type { CommandOutcome } from '../../bus/protocol';
import type { StoredEvent } from '../../domain/types';
import { describeAccepted } from './useCommandForm';

const event = (type: string, position: number) => ({ type, position }) as StoredEvent;
const accepted = (events: StoredEvent[], duplicate = false) =>
  ({ status: 'accepted', commandId: 'c', events, duplicate }) as Extract<
    CommandOutcome,
    { status: 'accepted' }
  >;
const placed = accepted([event('OrderPlaced', 2), event('StockReserved', 3)]);

describe('The feedback of an accepted command', () => {
  it('names the appended events by position where there is a log', () => {
    expect(describeAccepted(placed, 'event-sourced')).toBe(
      'Appended OrderPlaced #2, StockReserved #3',
    );
  });

  it('names a change number, not log positions, where state is kept in place', () => {
    expect(describeAccepted(placed, 'one-model')).toBe(
      'Saved as change #3: the state was overwritten (the rules decided OrderPlaced, StockReserved; these events are not stored)',
    );
    expect(describeAccepted(placed, 'same-transaction')).toContain(
      'with the views’ rows in the same transaction',
    );
    expect(describeAccepted(placed, 'after-commit')).toBe(
      'Saved as change #3: the state was overwritten, and OrderPlaced #2, StockReserved #3 were put in the outbox for the views',
    );
  });

  it('says a repeated command changed nothing, with or without its events to name', () => {
    expect(describeAccepted(accepted([event('OrderPlaced', 2)], true), 'event-sourced')).toBe(
      'Already recorded: OrderPlaced #2',
    );
    expect(describeAccepted(accepted([], true), 'one-model')).toBe(
      'Already recorded: this command was applied before, so nothing changed',
    );
  });
});

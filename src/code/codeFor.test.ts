import { describe, expect, it } from 'vitest';
import { codeFor } from './codeFor';

const titles = (request: Parameters<typeof codeFor>[0]) =>
  codeFor(request).parts.map((part) => part.title);

describe('the code shown for what a learner selected', () => {
  describe('a command', () => {
    it('refused by a rule of its decider: the rule, marked, and the calls on the way to it', () => {
      const { parts, note } = codeFor({
        kind: 'command',
        commandType: 'PlaceOrder',
        refusal: 'Not enough stock for SKU-1: 2 available, 5 requested',
      });
      expect(parts.map((part) => part.title)).toEqual(['The rule that refused PlaceOrder']);
      expect(parts[0]?.code.file).toBe('src/domain/shop/shop.decider.ts');
      expect(parts[0]?.code.snippets.map((snippet) => snippet.name)).toEqual([
        'placeOrder',
        'priceLine',
      ]);
      expect(parts[0]?.marked).toMatch(/^Marked: the rule/);
      expect(note).toBeUndefined();
    });

    it('refused by something no rule of the decider says: the handler, unmarked, and why', () => {
      const { parts, note } = codeFor({
        kind: 'command',
        commandType: 'Transfer',
        refusal: 'The streams you read have moved on',
      });
      expect(parts.map((part) => part.title)).toEqual(['The code that decided Transfer']);
      expect(parts[0]?.code.snippets.flatMap((snippet) => snippet.marked)).toEqual([]);
      expect(note).toMatch(/the version check refused it \(optimistic concurrency\)/);
    });

    it('accepted: the function that decided it', () => {
      expect(titles({ kind: 'command', commandType: 'Deposit' })).toEqual([
        'The code that decided Deposit',
      ]);
    });

    it('of a type the lab does not have: nothing, and says so', () => {
      const { parts, note } = codeFor({ kind: 'command', commandType: 'Teleport' });
      expect(parts).toEqual([]);
      expect(note).toBe('The lab has no decider code for Teleport.');
    });
  });

  describe('an event', () => {
    it('the handler of its command that decided it, then each view that projects it', () => {
      expect(
        titles({ kind: 'event', eventType: 'OrderPlaced', commandType: 'PlaceOrder' }),
      ).toEqual([
        'Decided by PlaceOrder',
        'The Order status projection',
        'The Sales dashboard projection',
      ]);
    });

    it('decided by a command whose handler does not name it (a process manager’s): views only', () => {
      expect(titles({ kind: 'event', eventType: 'OrderPlaced', commandType: 'Restock' })).toEqual([
        'The Order status projection',
        'The Sales dashboard projection',
      ]);
      expect(
        codeFor({ kind: 'event', eventType: 'OrderPlaced', commandType: 'Restock' }).note,
      ).toBe(
        'The code of the Restock decider does not name OrderPlaced, so no decider code is shown.',
      );
    });

    it('that no view handles: says so', () => {
      expect(
        codeFor({ kind: 'event', eventType: 'Nothing', commandType: 'PlaceOrder' }).note,
      ).toContain('No projection has code for Nothing: no view changes with it.');
    });
  });

  describe('a view row', () => {
    it('the projection, with the code for the row’s event types marked and named', () => {
      const { parts } = codeFor({
        kind: 'row',
        view: 'Order status',
        eventTypes: ['OrderPlaced', 'OrderPaid'],
      });
      expect(parts[0]?.title).toBe('Built by the Order status projection');
      expect(parts[0]?.marked).toContain(
        'Marked: the code for OrderPlaced and OrderPaid: the types',
      );
      expect(parts[0]?.code.snippets[0]?.marked.length).toBeGreaterThan(2);
    });

    it('none of whose events the page holds: nothing marked, and says why', () => {
      const { parts } = codeFor({ kind: 'row', view: 'Order status', eventTypes: [] });
      expect(parts[0]?.code.snippets[0]?.marked).toEqual([]);
      expect(parts[0]?.marked).toMatch(/^None of the events that built this row/);
    });
  });
});

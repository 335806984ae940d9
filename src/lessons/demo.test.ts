import { describe, expect, it } from 'vitest';
import { CHAPTERS } from './chapters';
import { answered, appended, isCaughtUp, placeOrder, reportedAgain, viewIs } from './demo';
import { event, observation } from './testing/observation';
import { answer, snapshot, views } from './testing/script';

describe('A demonstration’s signs', () => {
  const first = observation({ events: [event(1, 'OrderPlaced')], head: 1 });

  it('look only at what happened since the step began', () => {
    const now = observation({
      events: [event(1, 'OrderPlaced'), event(2, 'PriceChanged')],
      head: 2,
    });
    expect(appended('OrderPlaced')(first, now)).toBe(false);
    expect(appended('PriceChanged')(first, now)).toBe(true);

    const asked = observation({ delivered: [answer('Stock levels', 5, 1, 1)] });
    expect(answered('Stock levels')(asked, asked)).toBe(false);
    const later = observation({
      delivered: [answer('Stock levels', 5, 1, 1), answer('Stock levels', 9, 1, 2)],
    });
    expect(answered('Stock levels')(asked, later)).toBe(true);
    expect(answered('Product search')(asked, later)).toBe(false);

    const once = observation({ activity: ['ryw:plain:stale'] });
    expect(reportedAgain('ryw:plain:')(once, once)).toBe(false);
    const twice = observation({ activity: ['ryw:plain:stale', 'ryw:plain:fresh'] });
    expect(reportedAgain('ryw:plain:')(once, twice)).toBe(true);
    expect(reportedAgain('ryw:wait:')(once, twice)).toBe(false);
  });

  it('tell a view caught up with the log from one behind it or stopped', () => {
    const behind = observation({ head: 3, views: views(2) });
    expect(isCaughtUp('Stock levels')(behind, behind)).toBe(false);
    const caught = observation({ head: 3, views: views(3) });
    expect(isCaughtUp('Stock levels')(caught, caught)).toBe(true);
    const stopped = observation({
      head: 3,
      views: views(3, { 'Stock levels': snapshot('stopped', 3) }),
    });
    expect(isCaughtUp('Stock levels')(stopped, stopped)).toBe(false);
    expect(viewIs('Stock levels', 'stopped')(stopped, stopped)).toBe(true);
  });

  it('place an order with the form, and wait until the view named has it', () => {
    const step = placeOrder('SKU-1', 2, 'Order status');
    expect(step.says).toBe('Place an order for 2 × SKU-1');
    expect(step.acts).toEqual([
      { kind: 'fill', form: 'Place order', field: 'SKU', value: 'SKU-1' },
      { kind: 'fill', form: 'Place order', field: 'Quantity', value: '2' },
      { kind: 'press', control: 'Place order' },
    ]);
    const placed = observation({ events: [event(1, 'OrderPlaced')], head: 1, views: views(0) });
    expect(step.until?.(observation(), placed)).toBe(false);
    expect(step.until?.(observation(), { ...placed, views: views(1) })).toBe(true);
  });
});

describe('Every chapter', () => {
  it.each(CHAPTERS.map((c) => [c.number, c] as const))(
    'chapter %s can be shown: named steps, each doing something',
    (_, chapter) => {
      expect(chapter.demo.length).toBeGreaterThan(0);
      const said = chapter.demo.map((step) => step.says);
      expect(new Set(said).size).toBe(said.length);
      for (const step of chapter.demo) {
        expect(step.says).toMatch(/^[A-Z]/);
        expect(step.acts.length).toBeGreaterThan(0);
      }
    },
  );
});

// The rows a view sends its panel: the first `limit` in the panel's order, kept so as changes come,
// and how many the view holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Screen } from '../domain/screens';
import { createScreenSelection } from './screen';

type Row = { n: number; hidden?: boolean };
/** Highest n first, at most 3 rows, hidden rows never. */
const SPEC: Screen<Row> = { shows: (r) => !r.hidden, order: (a, b) => b.n - a.n, limit: 3 };
const rows = (...ns: number[]) => ns.map((n) => ({ key: `k${String(n)}`, value: { n } }));
const keys = (changes: readonly { key: string; value: unknown }[]) =>
  changes.map((c) => `${c.key}${c.value === null ? '-' : ''}`);

describe('The rows a panel is sent', () => {
  it('sends the first rows in the panel’s order and counts every row it shows', () => {
    const screen = createScreenSelection(SPEC);
    const sent = screen.reset([
      ...rows(1, 5, 3, 4, 2),
      { key: 'h', value: { n: 9, hidden: true } },
    ]);
    expect(keys(sent.rows)).toEqual(['k5', 'k4', 'k3']);
    expect(sent.total).toBe(5);
  });

  it('lets a better row in and the last one out; a worse one stays with the view alone', () => {
    const screen = createScreenSelection(SPEC);
    screen.reset(rows(1, 5, 3, 4, 2));
    const better = screen.apply({ k9: { n: 9 } }, {});
    expect(keys(better.changes)).toEqual(['k3-', 'k9']);
    expect(better.total).toBe(6);
    const worse = screen.apply({ k0: { n: 0 } }, {});
    expect(worse.changes).toEqual([]);
    expect(worse.total).toBe(7);
    const updated = screen.apply({ k5: { n: 5 } }, { k5: { n: 5 } });
    expect(keys(updated.changes)).toEqual(['k5']);
    expect(updated.total).toBe(7);
  });

  it('asks for a snapshot when a row on screen goes while others wait in the store', () => {
    const screen = createScreenSelection(SPEC);
    screen.reset(rows(1, 5, 3, 4));
    const gone = screen.apply({ k5: null }, { k5: { n: 5 } });
    expect(keys(gone.changes)).toEqual(['k5-']);
    expect(gone).toMatchObject({ total: 3, refill: true });
    const small = createScreenSelection(SPEC);
    small.reset(rows(1, 2));
    expect(small.apply({ k2: null }, { k2: { n: 2 } })).toMatchObject({ total: 1, refill: false });
  });

  it('keeps exactly the panel’s first rows of the whole view, whatever changes come', () => {
    const change = fc.record({
      key: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'),
      value: fc.option(fc.record({ n: fc.integer({ min: 0, max: 20 }), hidden: fc.boolean() })),
    });
    fc.assert(
      fc.property(fc.array(fc.array(change, { maxLength: 4 }), { maxLength: 12 }), (batches) => {
        const view = new Map<string, Row>();
        const screen = createScreenSelection(SPEC);
        let page = new Map(screen.reset([]).rows.map((r) => [r.key, r.value as Row]));
        for (const batch of batches) {
          const changes: Record<string, Row | null> = {};
          for (const { key, value } of batch) changes[key] = value;
          const prior = Object.fromEntries([...view].filter(([key]) => key in changes));
          for (const [key, value] of Object.entries(changes))
            if (value === null) view.delete(key);
            else view.set(key, value);
          const sent = screen.apply(changes, prior);
          if (sent.refill)
            page = new Map(
              screen
                .reset([...view].map(([key, value]) => ({ key, value })))
                .rows.map((r) => [r.key, r.value as Row]),
            );
          else
            for (const { key, value } of sent.changes)
              if (value === null) page.delete(key);
              else page.set(key, value as Row);
          const shown = [...view].filter(([, row]) => !row.hidden);
          expect(sent.total).toBe(shown.length);
          // The page holds `limit` rows (or all), each at least as good as any row it lacks.
          expect(page.size).toBe(Math.min(SPEC.limit, shown.length));
          const worstOnPage = Math.min(...[...page.values()].map((r) => r.n));
          for (const [key, row] of shown)
            if (!page.has(key)) expect(row.n).toBeLessThanOrEqual(worstOnPage);
          for (const [key, row] of page) expect(view.get(key)).toEqual(row);
        }
      }),
      { numRuns: 300 },
    );
  });
});

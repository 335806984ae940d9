import { describe, expect, it } from 'vitest';
import { CHAPTERS } from './chapters';
import { labCommandSchema } from '../domain/lab';
import {
  asCommand,
  BANK_STORY_CHAPTERS,
  FIRST_PRICE_CHANGE,
  LONG_ACCOUNT,
  ORDERS_BEFORE_REVISION_2,
  positionOf,
  productAt,
  PUZZLED_OWNER,
  REBUILD_HEAD,
  SHOP_STORY_CHAPTERS,
  STALE_READ,
  storyBefore,
  storyInFlight,
  storyOutcome,
  storyStart,
  tell,
} from './chapters/story';

const shopChapters = CHAPTERS.filter((chapter) => chapter.scenario.domain === 'shop');
const startOf = (id: string) => tell(storyStart(id));

describe('The shop’s running story', () => {
  it('follows every shop chapter, in the course’s order', () => {
    expect(SHOP_STORY_CHAPTERS).toEqual(shopChapters.map((chapter) => chapter.id));
  });

  it('is what each shop chapter’s scenario writes, and leaves in flight', () => {
    for (const chapter of shopChapters) {
      expect(chapter.scenario.history).toEqual(storyStart(chapter.id));
      expect(chapter.scenario.inFlight).toEqual(storyInFlight(chapter.id));
    }
  });

  it('starts each chapter where the one before it left off: its start, then its task’s outcome', () => {
    for (const [i, id] of SHOP_STORY_CHAPTERS.entries()) {
      const before = SHOP_STORY_CHAPTERS[i - 1];
      const expected = before === undefined ? [] : [...storyStart(before), ...storyOutcome(before)];
      expect(storyBefore(id)).toEqual(expected);
      expect(storyStart(id).slice(0, expected.length)).toEqual(expected);
    }
  });

  it('is accepted by the shop’s rules from the first command to the last chapter’s outcome', () => {
    const last = SHOP_STORY_CHAPTERS.at(-1) ?? '';
    const all = [...storyStart(last), ...storyOutcome(last)];
    const told = tell(all);
    // Every command decided at least one event: none was refused on the way.
    expect(told.events.length).toBeGreaterThanOrEqual(all.length);
  });

  it('is made of valid commands, each exactly as the write model’s validation leaves it', () => {
    for (const id of [...SHOP_STORY_CHAPTERS, ...BANK_STORY_CHAPTERS]) {
      const all = [...storyStart(id), ...storyOutcome(id), ...(storyInFlight(id) ?? [])];
      all.forEach((input, i) => {
        const command = asCommand(input, i);
        expect(labCommandSchema.parse(command), `${id}: ${input.type}`).toEqual(command);
      });
    }
  });

  it('leaves in flight, in the stale-read chapter, the order its outcome keeps', () =>
    expect(storyInFlight('stale-read')).toEqual(storyOutcome('stale-read')));

  it('keeps the bank’s chapters in a story of their own, with no shop command in it', () => {
    const bank = CHAPTERS.filter((chapter) => chapter.scenario.domain === 'bank');
    expect(BANK_STORY_CHAPTERS).toEqual(bank.map((chapter) => chapter.id));
    for (const chapter of bank) {
      expect(chapter.scenario.history).toEqual(storyStart(chapter.id));
      for (const command of chapter.scenario.history)
        expect(['OpenAccount', 'Deposit', 'Withdraw', 'Transfer']).toContain(command.type);
    }
    // Chapter 12 finds the transfers chapter 5 made.
    expect(storyBefore('snapshots')).toEqual([
      ...storyStart('read-your-writes'),
      ...storyOutcome('read-your-writes'),
    ]);
    tell([...storyStart('snapshots'), ...storyOutcome('snapshots')]);
  });

  it('opens chapter 12’s long account in its set-up, and nowhere before it', () => {
    const opened = (commands: readonly { type: string; data: unknown }[]) =>
      commands.some(
        (c) =>
          c.type === 'OpenAccount' &&
          (c.data as { accountId: string }).accountId === LONG_ACCOUNT.accountId,
      );
    expect(opened(storyStart('snapshots'))).toBe(true);
    expect(opened(storyBefore('snapshots'))).toBe(false);
  });
});

describe('The figures the chapters quote', () => {
  it('chapter 2 points at the PriceChanged that set 14.00', () => {
    const told = startOf('events-are-facts');
    const event = told.events.find((e) => e.position === FIRST_PRICE_CHANGE);
    expect(event).toMatchObject({ type: 'PriceChanged', data: { sku: 'SKU-1', price: 14 } });
  });

  it('chapter 4 quotes where Stock levels stands, the head after the order, and SKU-1 before it', () => {
    const told = startOf('stale-read');
    expect(STALE_READ.viewAt).toBe(told.events.length);
    expect(STALE_READ.head).toBe(
      tell([...storyStart('stale-read'), ...(storyInFlight('stale-read') ?? [])]).events.length,
    );
    expect(STALE_READ.available).toBe(productAt(told, 'SKU-1').available);
    const text = CHAPTERS.find((c) => c.id === 'stale-read')?.prediction.question ?? '';
    expect(text).toContain(`head #${String(STALE_READ.head)}`);
    expect(text).toContain(`at #${String(STALE_READ.viewAt)}`);
  });

  it('chapter 7 quotes the head its new view starts behind', () => {
    expect(REBUILD_HEAD).toBe(startOf('rebuild').events.length);
    const text = CHAPTERS.find((c) => c.id === 'rebuild')?.text.join(' ') ?? '';
    expect(text).toContain(`the log’s head is #${String(REBUILD_HEAD)}`);
  });

  it('chapter 9 quotes the Blue mugs available before and after the cancellation', () => {
    expect(PUZZLED_OWNER).toEqual({
      before: productAt(tell(storyBefore('time-travel')), 'SKU-1').available,
      now: productAt(startOf('time-travel'), 'SKU-1').available,
    });
    expect(PUZZLED_OWNER.now).toBeGreaterThan(PUZZLED_OWNER.before);
  });

  it('chapter 13 counts every OrderPlaced in the log before revision 2', () => {
    const placed = startOf('upcasting').events.filter((e) => e.type === 'OrderPlaced');
    expect(ORDERS_BEFORE_REVISION_2).toBe(placed.length);
    const text = CHAPTERS.find((c) => c.id === 'upcasting')?.text.join(' ') ?? '';
    expect(text).toContain(`Its ${String(placed.length)} orders so far`);
  });
});

describe('Each chapter’s start fits its task', () => {
  it('chapter 1: SKU-1 can be ordered', () =>
    expect(productAt(startOf('commands-and-queries'), 'SKU-1').available).toBeGreaterThan(0));

  it('chapter 2: one earlier PriceChanged of SKU-1, and a restock after it', () => {
    const told = startOf('events-are-facts');
    expect(told.events.filter((e) => e.type === 'PriceChanged')).toHaveLength(1);
    expect(positionOf(told, 'ProductRestocked', 'product-SKU-1')).toBeGreaterThan(
      FIRST_PRICE_CHANGE,
    );
  });

  it('chapter 3: a mug to search for and two views with rows', () => {
    const told = startOf('projections');
    const names = Object.values(told.state.shop.products).map((p) => p.name);
    expect(names.filter((name) => name.toLowerCase().includes('mug')).length).toBeGreaterThan(1);
    expect(productAt(told, 'SKU-2').sku).toBe('SKU-2');
  });

  it('chapter 6: the last unit of SKU-1 and of SKU-2, and SKU-3 to restock and sell', () => {
    const told = startOf('optimistic-concurrency');
    expect(productAt(told, 'SKU-1').available).toBe(1);
    expect(productAt(told, 'SKU-2').available).toBe(1);
    expect(productAt(told, 'SKU-3').available).toBeGreaterThan(1);
  });

  it('chapter 7: a catalogue whose SKUs and names never clash with the story’s own products', () => {
    const before = tell(storyBefore('rebuild')).state.shop.products;
    const after = startOf('rebuild').state.shop.products;
    const added = Object.keys(after).filter((sku) => !(sku in before));
    expect(added.length).toBeGreaterThanOrEqual(400);
    const storyNames = new Set(Object.values(before).map((p) => p.name));
    for (const sku of added) expect(storyNames.has(after[sku]?.name ?? '')).toBe(false);
  });

  it('chapter 8: enough Blue mugs for the two orders the task places (3, then 2)', () =>
    expect(productAt(startOf('failure-and-catch-up'), 'SKU-1').available).toBeGreaterThanOrEqual(
      5,
    ));

  it('chapter 9: product-SKU-1 has an event before the first order, with 5 in stock', () => {
    const told = startOf('time-travel');
    const firstOrder = positionOf(told, 'OrderPlaced');
    const added = positionOf(told, 'ProductAdded', 'product-SKU-1');
    expect(added).toBeLessThan(firstOrder);
    expect(told.events.find((e) => e.position === added)?.data).toMatchObject({ stock: 5 });
  });
});

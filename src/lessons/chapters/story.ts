// The running stories, the shop's and the bank's: each chapter starts where the one before it in its
// story left off. Its start is
// every earlier chapter's set-up, then what that chapter's task left in the log, then its own beat,
// so a chapter opened from its link starts exactly as one reached by doing the ones before it.
import { labDomain, type CommandInput, type LabCommand, type LabState } from '../../domain/lab';
import { available } from '../../domain/shop/shop.state';
import type { StoredEvent } from '../../domain/types';
import { catalogue, CATALOGUE_SIZE, MUG, order, product, TEAPOT } from './shared';

type Beat = {
  /** What happens in the shop before the chapter's task: its own part of the story. */
  setup: readonly CommandInput[];
  /** Commands the chapter leaves in flight for the learner to step (they end in the log). */
  inFlight?: readonly CommandInput[];
  /** What doing the task leaves in the log, as the next chapter finds it. */
  outcome: readonly CommandInput[];
};

const restock = (sku: string, quantity: number): CommandInput => ({
  type: 'Restock',
  data: { sku, quantity },
});
const changePrice = (sku: string, price: number): CommandInput => ({
  type: 'ChangePrice',
  data: { sku, price },
});

/** The order chapter 4 leaves in flight: a customer's 2 Blue mugs. */
const STALE_ORDER = order('ORD-4', [{ sku: 'SKU-1', quantity: 2 }]);

/** The shop's chapters, in reading order, each with its beat of the story. */
const SHOP_STORY: readonly (readonly [string, Beat])[] = [
  ['commands-and-queries', { setup: [MUG, TEAPOT], outcome: [order('ORD-1', [line('SKU-1', 1)])] }],
  [
    'events-are-facts',
    { setup: [changePrice('SKU-1', 14), restock('SKU-1', 3)], outcome: [changePrice('SKU-1', 15)] },
  ],
  [
    'projections',
    {
      setup: [
        product('SKU-3', 'Green mug', 9.5, 8),
        order('ORD-2', [line('SKU-1', 2)]),
        order('ORD-3', [line('SKU-2', 1), line('SKU-3', 1)]),
        { type: 'PayOrder', data: { orderId: 'ORD-2' } },
      ],
      outcome: [],
    },
  ],
  ['stale-read', { setup: [], inFlight: [STALE_ORDER], outcome: [STALE_ORDER] }],
  [
    'optimistic-concurrency',
    {
      // Two more Blue mugs sold leave the last one for the two servers to fight over.
      setup: [order('ORD-5', [line('SKU-1', 2)])],
      // The sales that went through (the second sale of round 1 oversold: the story leaves it out).
      outcome: [
        order('ORD-6', [line('SKU-1', 1)]),
        order('ORD-7', [line('SKU-2', 1)]),
        restock('SKU-3', 5),
      ],
    },
  ],
  ['rebuild', { setup: catalogue(), outcome: [] }],
  [
    'failure-and-catch-up',
    {
      setup: [restock('SKU-1', 10)],
      outcome: [order('ORD-8', [line('SKU-1', 1)]), order('ORD-9', [line('SKU-1', 2)])],
    },
  ],
  ['time-travel', { setup: [{ type: 'CancelOrder', data: { orderId: 'ORD-9' } }], outcome: [] }],
  ['without-cqrs', { setup: [], outcome: [] }],
  ['when-not-to-use-cqrs', { setup: [], outcome: [] }],
  // Chapter 13 works on a copy of the orders in a log of its own: the shop's log is left as it is.
  ['upcasting', { setup: [], outcome: [] }],
  ['blue-green', { setup: [], outcome: [] }],
  // Chapter 15's fulfilment runs on a log of its own.
  ['process-manager', { setup: [], outcome: [] }],
  // Chapter 16's desks run on fulfilment's log and one of their own.
  ['consistency-boundaries', { setup: [], outcome: [] }],
  // Chapter 17's orders service and warehouse keep stores of their own.
  ['outbox', { setup: [], outcome: [] }],
];

function line(sku: string, quantity: number) {
  return { sku, quantity };
}

const transfer = (n: number): CommandInput => ({
  type: 'Transfer',
  data: { transferId: `TRF-${String(n)}`, from: 'ACC-1', to: 'ACC-2', amount: 10 },
});

/** The account chapter 12 loads, and the version its stream is brought to (its long history). */
export const LONG_ACCOUNT = { accountId: 'ACC-3', owner: 'The shop', version: 4501 } as const;

/** The bank's chapters, in reading order. */
const BANK_STORY: readonly (readonly [string, Beat])[] = [
  [
    'read-your-writes',
    {
      setup: [
        { type: 'OpenAccount', data: { accountId: 'ACC-1', owner: 'Ada' } },
        { type: 'OpenAccount', data: { accountId: 'ACC-2', owner: 'Bo' } },
        { type: 'Deposit', data: { accountId: 'ACC-1', amount: 100 } },
        { type: 'Deposit', data: { accountId: 'ACC-2', amount: 50 } },
      ],
      // One transfer of 10.00 for each of the five ways of reading it back.
      outcome: [1, 2, 3, 4, 5].map(transfer),
    },
  ],
  [
    'snapshots',
    {
      setup: [
        {
          type: 'OpenAccount',
          data: { accountId: LONG_ACCOUNT.accountId, owner: LONG_ACCOUNT.owner },
        },
      ],
      outcome: [],
    },
  ],
];

export const SHOP_STORY_CHAPTERS: readonly string[] = SHOP_STORY.map(([id]) => id);
export const BANK_STORY_CHAPTERS: readonly string[] = BANK_STORY.map(([id]) => id);

const beatOf = (id: string) => {
  for (const story of [SHOP_STORY, BANK_STORY]) {
    const at = story.findIndex(([chapter]) => chapter === id);
    const found = story[at];
    if (found) return { story, at, beat: found[1] };
  }
  throw new Error(`The chapter ${id} is in neither story`);
};

/** What the story has left in the log when the chapter `id` begins, before its own beat. */
export const storyBefore = (id: string): CommandInput[] => {
  const { story, at } = beatOf(id);
  return story.slice(0, at).flatMap(([, beat]) => [...beat.setup, ...beat.outcome]);
};

/** The history a chapter's scenario writes: the story so far, then its own set-up. */
export const storyStart = (id: string): CommandInput[] => [
  ...storyBefore(id),
  ...beatOf(id).beat.setup,
];

/** What the chapter leaves in flight, if anything. */
export const storyInFlight = (id: string): readonly CommandInput[] | undefined =>
  beatOf(id).beat.inFlight;

/** What the story's task leaves in the log once the chapter is done (for its own spec). */
export const storyOutcome = (id: string): readonly CommandInput[] => beatOf(id).beat.outcome;

export type Told = {
  /** The events the write model appends for the commands, numbered from #1 (no meta). */
  readonly events: readonly Omit<StoredEvent, 'meta'>[];
  state: LabState;
};

/** One step of a telling: the story after a command, and the steps told after it (by command). */
type Telling = {
  told: Told;
  versions: ReadonlyMap<string, number>;
  next: Map<CommandInput, Telling>;
};

const NOTHING_TOLD: Telling = {
  told: { events: [], state: labDomain.initialState() },
  versions: new Map(),
  next: new Map(),
};

/** The command as the write model gets it, with an id and a time. */
export const asCommand = (input: CommandInput, index: number): LabCommand => ({
  ...input,
  meta: { commandId: `story-${String(index)}`, issuedAt: '2026-01-01T00:00:00.000Z' },
});

/**
 * Decides one more command after `before`. The story is the lab's own code, so it is not validated
 * here as the page starts (the first parse of a schema compiles it, which a phone feels): a unit
 * test validates every command of it, as the write model would, and finds each unchanged.
 */
const tellOne = (before: Telling, input: CommandInput, index: number): Telling => {
  const command = asCommand(input, index);
  let { state } = before.told;
  const versions = new Map(before.versions);
  const events = [...before.told.events];
  for (const decided of labDomain.decide(command, state)) {
    state = labDomain.evolve(state, decided);
    const streamId = labDomain.streamOf(decided);
    const version = (versions.get(streamId) ?? 0) + 1;
    versions.set(streamId, version);
    events.push({ ...decided, streamId, version, position: events.length + 1 });
  }
  return { told: { events, state }, versions, next: new Map() };
};

/**
 * What the write model appends for these commands, decided one after the other from nothing. The
 * chapters' figures tell overlapping beginnings of one story as the page loads: each command after
 * a given beginning is decided once, and remembered.
 */
export const tell = (commands: readonly CommandInput[]): Told => {
  let at = NOTHING_TOLD;
  commands.forEach((input, i) => {
    let after = at.next.get(input);
    if (!after) {
      after = tellOne(at, input, i);
      at.next.set(input, after);
    }
    at = after;
  });
  return at.told;
};

/** How the story stands for a product: its row in Stock levels, and its stream's version. */
export const productAt = (told: Told, sku: string) => {
  const found = told.state.shop.products[sku];
  if (!found) throw new Error(`The story has no product ${sku}`);
  const version = told.events.filter((e) => e.streamId === `product-${sku}`).length;
  return { ...found, available: available(found), version };
};

/** The position of the first event of `type` (in `streamId`, if given) in the story. */
export const positionOf = (told: Told, type: string, streamId?: string): number => {
  const found = told.events.find(
    (e) => e.type === type && (streamId === undefined || e.streamId === streamId),
  );
  if (!found) throw new Error(`The story has no ${type}`);
  return found.position;
};

// Figures the chapters quote, computed from the story so that text and log always agree.

/** Chapter 2: where the PriceChanged that set 14.00 sits in the log. */
export const FIRST_PRICE_CHANGE = positionOf(
  tell(storyStart('events-are-facts')),
  'PriceChanged',
  'product-SKU-1',
);

/** Chapter 4: where Stock levels stands, the head once the order is in, and SKU-1 before it. */
export const STALE_READ = (() => {
  const before = tell(storyStart('stale-read'));
  const after = tell([...storyStart('stale-read'), STALE_ORDER]);
  return {
    viewAt: before.events.length,
    head: after.events.length,
    available: productAt(before, 'SKU-1').available,
  };
})();

/**
 * Chapter 7: the head of the log the new view starts behind. Each product of the catalogue is one
 * event, so its 400 commands need not be decided when the page loads (a unit test holds this).
 */
export const REBUILD_HEAD = tell(storyBefore('rebuild')).events.length + CATALOGUE_SIZE;

/** Chapter 9: Blue mugs available after chapter 8's two orders, and now (after a cancellation). */
export const PUZZLED_OWNER = {
  before: productAt(tell(storyBefore('time-travel')), 'SKU-1').available,
  now: productAt(tell(storyStart('time-travel')), 'SKU-1').available,
} as const;

/**
 * Chapter 13: the orders placed before OrderPlaced gained a currency (every PlaceOrder of the story
 * is accepted; the story's test holds it against the log).
 */
export const ORDERS_BEFORE_REVISION_2 = storyStart('upcasting').filter(
  (c) => c.type === 'PlaceOrder',
).length;

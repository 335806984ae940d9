// The guided lessons: what each chapter says, the scenario it loads, the prediction it asks for and
// the check that marks it done. The text is ours; where there is a trade-off, both sides are stated.
import type { CommandInput } from '../domain/lab';
import { VIEW_NAMES } from '../domain/views';
import { STRATEGIES } from './readYourWrites';
import { MIXES } from './workload';
import { answersFrom, caughtUp, inOrder, isStale, newEvents, once, reported } from './checks';
import type { Chapter, Observation } from './types';

const product = (sku: string, name: string, price: number, stock: number): CommandInput => ({
  type: 'AddProduct',
  data: { sku, name, price, stock },
});

const order = (orderId: string, lines: { sku: string; quantity: number }[]): CommandInput => ({
  type: 'PlaceOrder',
  data: { orderId, lines },
});

const MUG = product('SKU-1', 'Blue mug', 12.5, 5);
const TEAPOT = product('SKU-2', 'Teapot', 30, 2);

/** A catalogue long enough that replaying it takes a visible moment. */
const CATALOGUE_SIZE = 400;
const ADJECTIVES = ['Blue', 'Green', 'Red', 'Small', 'Large', 'Striped', 'Plain', 'Tall'];
const THINGS = ['mug', 'teapot', 'bowl', 'plate', 'jug', 'cup', 'vase', 'tray', 'spoon', 'lamp'];
const catalogue = (): CommandInput[] =>
  Array.from({ length: CATALOGUE_SIZE }, (_, i) =>
    product(
      `SKU-${i + 1}`,
      `${ADJECTIVES[i % ADJECTIVES.length] ?? ''} ${THINGS[Math.floor(i / ADJECTIVES.length) % THINGS.length] ?? ''}`,
      5 + (i % 40),
      1 + (i % 9),
    ),
  );

const firstPositionOf = (now: Observation, type: string): number | undefined =>
  now.events.find((e) => e.type === type)?.position;

export const CHAPTERS: readonly Chapter[] = [
  {
    id: 'commands-and-queries',
    number: 1,
    title: 'Commands and queries',
    text: [
      'A command asks the system to change something: “place this order”. A query asks what is true: “how many mugs are left?”. CQRS (Command Query Responsibility Segregation) sends the two down different paths, to different models.',
      'The write model checks each command against the rules and records what happened. The read models (here called views) keep copies of the data shaped for the questions people ask. Each path does one job.',
    ],
    task: 'Place an order for SKU-1 with the Place order form, then ask Stock levels about SKU-1 with its query box.',
    highlight: ['Place order', 'Ask Stock levels'],
    scenario: { domain: 'shop', history: [MUG, TEAPOT], playing: true },
    prediction: {
      question: 'You ask about SKU-1’s stock. Which part of the system answers?',
      choices: [
        'The write model, which decided the order',
        'The Stock levels view, a read model with its own copy of the data',
        'The event store, by reading every event',
      ],
      answer: 1,
      because:
        'Queries never reach the write model here. Stock levels keeps one row per SKU and answers from it; the answer names the view that served it and the position it was at.',
      howToSee: 'Ask Stock levels for SKU-1.',
      revealWhen: once(
        'Stock levels answered',
        (first, now) => answersFrom(first, now, 'Stock levels').length > 0,
      ),
    },
    check: inOrder('An order was placed, then Stock levels answered a question', [
      (first, now) => newEvents(first, now, 'OrderPlaced').length > 0,
      (first, now) => {
        const placed = newEvents(first, now, 'OrderPlaced')[0]?.position ?? Infinity;
        return answersFrom(first, now, 'Stock levels').some((a) => (a.head ?? 0) >= placed);
      },
    ]),
  },
  {
    id: 'events-are-facts',
    number: 2,
    title: 'Events are facts',
    text: [
      'The write model does not store the current state. It stores events: facts in the past tense, such as ProductAdded or PriceChanged, appended to a log and never changed afterwards.',
      'The current state is a fold over those facts: start from nothing and apply each event in order. The price of SKU-1 is whatever its last PriceChanged says.',
      'Because nothing is overwritten, the log is also an audit trail: what happened, in which order, caused by which command. The cost is that the log only grows, and reading state means folding it (or keeping a view).',
    ],
    task: 'Change the price of SKU-1, then select one of its events (stream product-SKU-1) in the Event log.',
    highlight: ['Change price', 'Event log'],
    scenario: {
      domain: 'shop',
      history: [
        MUG,
        { type: 'ChangePrice', data: { sku: 'SKU-1', price: 14 } },
        { type: 'Restock', data: { sku: 'SKU-1', quantity: 3 } },
      ],
      playing: true,
    },
    prediction: {
      question:
        'You change SKU-1’s price again. What happens to the PriceChanged event that set it to 14.00?',
      choices: [
        'It is updated to the new price',
        'It stays in the log, and a new PriceChanged event is appended after it',
        'It is deleted and replaced',
      ],
      answer: 1,
      because:
        'Events are never edited. The new price is a new fact; the old one stays, so the log still shows that SKU-1 cost 14.00 for a while.',
      howToSee: 'Change the price of SKU-1 and look at the top of the Event log.',
      revealWhen: once(
        'A new PriceChanged was appended',
        (first, now) => newEvents(first, now, 'PriceChanged').length > 0,
      ),
    },
    check: inOrder(
      'A new PriceChanged was appended, then an event of product-SKU-1 was selected in the log',
      [
        (first, now) => newEvents(first, now, 'PriceChanged').length > 0,
        (_, now) =>
          now.events.find((e) => e.position === now.selectedEvent)?.streamId === 'product-SKU-1',
      ],
    ),
  },
  {
    id: 'projections',
    number: 3,
    title: 'Projections shape data for reading',
    text: [
      'A projection reads the log from the start and keeps a view shaped for one kind of question. Each view here runs in its own worker with its own database, and remembers the last position it applied: its checkpoint.',
      'The same events feed views of different shapes: Order status is key-value (order → status), Stock levels keeps counters, Sales dashboard keeps totals per minute and per product, Product search keeps a full-text index.',
      'Adding a view does not change the write side: it is one more reader of the same log. Each view is more code to write and run, though, and one more copy of the data to keep in step.',
    ],
    task: 'Ask two different views a question: for example SKU-2 in Stock levels and “mug” in Product search.',
    highlight: ['Ask Stock levels', 'Ask Product search'],
    scenario: {
      domain: 'shop',
      history: [
        MUG,
        TEAPOT,
        product('SKU-3', 'Green mug', 9.5, 8),
        order('ORD-1', [{ sku: 'SKU-1', quantity: 2 }]),
        order('ORD-2', [
          { sku: 'SKU-2', quantity: 1 },
          { sku: 'SKU-3', quantity: 1 },
        ]),
        { type: 'PayOrder', data: { orderId: 'ORD-1' } },
      ],
      playing: true,
    },
    prediction: {
      question: 'Which view can answer “which products match ‘mug’?”',
      choices: ['Order status', 'Stock levels', 'Product search'],
      answer: 2,
      because:
        'Only Product search keeps a word index. Stock levels could list every product, but then the page would have to search them itself: the shape of a view decides which questions are cheap.',
      howToSee: 'Search for “mug” with Product search’s query box.',
      revealWhen: once(
        'Product search answered',
        (first, now) => answersFrom(first, now, 'Product search').length > 0,
      ),
    },
    check: once(
      'Two different views answered a question',
      (first, now) =>
        VIEW_NAMES.filter((view) => answersFrom(first, now, view).length > 0).length >= 2,
    ),
  },
  {
    id: 'stale-read',
    number: 4,
    title: 'The stale read',
    text: [
      'Views learn of new events a moment after they are appended. Until a view has applied an event, it answers from what it knew before: the answer is stale. The time between the append and the view’s update is the inconsistency window.',
      'Here Stock levels is slow (1.5 s delay) and the simulation waits for you. An order for 2 Blue mugs is on its way to the write model.',
      'Every answer says the position it was served at and the head of the log, so a stale answer can say that it is stale.',
    ],
    task: 'Step forward until the order is in the Event log, then ask Stock levels for SKU-1 and step until its answer arrives.',
    highlight: ['Step forward', 'Ask Stock levels'],
    scenario: {
      domain: 'shop',
      delays: { 'Stock levels': 1500 },
      history: [MUG],
      inFlight: [order('ORD-1', [{ sku: 'SKU-1', quantity: 2 }])],
      playing: false,
    },
    prediction: {
      question:
        'The order is in the log, and Stock levels has not applied it yet. How many SKU-1 will Stock levels say are available?',
      choices: [
        '5: it has not applied the order yet',
        '3: the order reserved 2',
        'None: it refuses to answer until it is up to date',
      ],
      answer: 0,
      because:
        'Stock levels is updated asynchronously, after the append, and answers from what it has applied: up to #1. #3 (StockReserved, 2 of SKU-1) is in the log but not applied, so it still says 5. That missing event changes what you asked, so the answer is stale, and it shows the gap: “as of #1, head #3”.',
      howToSee:
        'Ask Stock levels for SKU-1 once the order is appended, and step until the answer arrives.',
      revealWhen: once('Stock levels gave a stale answer', (first, now) =>
        answersFrom(first, now, 'Stock levels').some(isStale),
      ),
    },
    check: once(
      'Stock levels gave a stale answer (served at a position behind the head of the log)',
      (first, now) => answersFrom(first, now, 'Stock levels').some(isStale),
    ),
  },
  {
    id: 'read-your-writes',
    number: 5,
    title: 'Read-your-writes',
    text: [
      'After a write, people expect to see it: “transfer done, your balance is now 90.00”. If that balance comes from a view that has not applied the transfer yet, they see their own write missing. Here Account balances trails the log by 1.5 s, so the gap is easy to hit.',
      'Each way of closing the gap has a price. Waiting for the view makes the answer slower. Reading from the write model puts query load on the side that decides, and it is not shaped for questions. An optimistic UI is instant, but it is a guess built on what the page showed before, and it must be taken back if the command is refused. An inline projection, updated in the same transaction as the append, is always fresh, but every write does more work and the write side now depends on a read model.',
      'The timings are this browser’s. The simulated bus adds some 60 ms to every write here, so small differences between write times are noise; the stale counts and the wait for the view are the point.',
    ],
    task: 'In the Read-your-writes strategies table, press Try on “Read the view at once” (no strategy: this shows the problem), then on each of the four strategies below it.',
    highlight: STRATEGIES.map((s) => `Try: ${s.name}`),
    workbench: 'read-your-writes',
    scenario: {
      domain: 'bank',
      delays: { 'Account balances': 1500 },
      history: [
        { type: 'OpenAccount', data: { accountId: 'ACC-1', owner: 'Ada' } },
        { type: 'OpenAccount', data: { accountId: 'ACC-2', owner: 'Bo' } },
        { type: 'Deposit', data: { accountId: 'ACC-1', amount: 100 } },
        { type: 'Deposit', data: { accountId: 'ACC-2', amount: 50 } },
      ],
      playing: true,
    },
    prediction: {
      question:
        'You transfer 10.00 from ACC-1 (100.00) and, as soon as the write is acknowledged, ask Account balances for ACC-1. What does it say?',
      choices: [
        '90.00: the write is acknowledged, so every read sees it',
        '100.00: the view has not applied the transfer yet',
        'Nothing: a view refuses to answer while it is behind',
      ],
      answer: 1,
      because:
        'The acknowledgement means the events are in the log, not that every view has applied them. Account balances answers from what it has applied, and says so: its answer is as of a position before the transfer.',
      howToSee: 'Press Try on “Read the view at once”.',
      revealWhen: once('A read was made right after the write', (_, now) =>
        now.activity.some((a) => a.startsWith('ryw:plain:')),
      ),
    },
    check: once(
      '“Read the view at once” showed a stale balance, and each of the four strategies below it showed a balance',
      (_, now) =>
        now.activity.includes('ryw:plain:stale') &&
        STRATEGIES.filter((s) => s.id !== 'plain').every((s) =>
          // A refused transfer shows no balance: that try does not count.
          now.activity.some((a) => a.startsWith(`ryw:${s.id}:`) && !a.endsWith(':refused')),
        ),
    ),
  },
  {
    id: 'optimistic-concurrency',
    number: 6,
    title: 'Optimistic concurrency',
    text: [
      'Two clerks look at the same product at the same moment: one Blue mug left. Both decide to sell it. Without care, both sales go through and the shop has sold a mug it does not have: a lost update.',
      'With optimistic concurrency, each command says which version of the stream its sender read. The write model appends only if the stream is still at that version; otherwise it refuses, and nothing is appended. No lock is held while people think.',
      'The cost: the refused clerk has to read again and retry. Where conflicts are frequent, that retrying adds up, and a queue or a lock can be the better choice.',
    ],
    task: 'Read SKU-1 as Clerk A and as Clerk B, then sell it as Clerk A and then as Clerk B.',
    highlight: ['Clerk A: read SKU-1', 'Clerk B: read SKU-1'],
    workbench: 'two-clerks',
    scenario: {
      domain: 'shop',
      history: [product('SKU-1', 'Blue mug', 12.5, 1)],
      playing: true,
    },
    prediction: {
      question:
        'Both clerks read SKU-1 at the same version, with 1 left, and both press Sell. What happens?',
      choices: [
        'Both sales go through, and SKU-1 goes below zero',
        'The first sale goes through; the second is refused because SKU-1 changed since that clerk read it',
        'Both sales are refused',
      ],
      answer: 1,
      because:
        'Each sale names the version of product-SKU-1 its clerk read. The first appends StockReserved, so the stream moves on; the second was decided on stale data and is refused. Nothing is lost: that clerk can read again and will see 0 left.',
      howToSee: 'Sell as Clerk A, then as Clerk B.',
      revealWhen: once('A clerk was refused for a stale read', reported('refused-stale')),
    },
    check: inOrder(
      'One clerk sold the last mug, then the other was refused because SKU-1 had changed since they read it',
      [reported('sold'), reported('refused-stale')],
    ),
  },
  {
    id: 'rebuild',
    number: 7,
    title: 'Rebuild from history',
    text: [
      'Because the log keeps every fact, a new view can be added at any time and built by replaying the log from position 0, with the same projection code that runs live.',
      'Here Product search plays a new view that has not been built yet: it was paused before anything was written, so it knows nothing of the 400 products in the log.',
      'A replay takes time in proportion to the length of the log; on a long log, teams keep snapshots or build the new view beside the old one before switching.',
    ],
    task: 'Press Rebuild Product search and watch its progress, then press Resume Product search so it follows new events.',
    highlight: ['Rebuild Product search', 'Resume Product search'],
    scenario: {
      domain: 'shop',
      pausedViews: ['Product search'],
      history: catalogue(),
      playing: true,
    },
    prediction: {
      question:
        'Product search has seen none of the events in the log. After the rebuild, which products will it find?',
      choices: [
        'Only products added after the rebuild',
        'Every product in the log, as if it had been running from the start',
        'None until a product changes',
      ],
      answer: 1,
      because:
        'A rebuild starts from an empty view at position 0 and applies every event in order, so it ends where a view that never stopped would be.',
      howToSee: 'Press Rebuild Product search.',
      revealWhen: once('Product search was rebuilt', (_, now) => rebuiltToHead(now)),
    },
    // Its task ends with Resume: not done until the rebuilt view follows new events again.
    check: inOrder(
      'Product search replayed the whole log (#1 to the head), then was resumed: it is running and up to date',
      [(_, now) => rebuiltToHead(now), (_, now) => caughtUp(now, 'Product search')],
    ),
  },
  {
    id: 'failure-and-catch-up',
    number: 8,
    title: 'Failure and catch-up',
    text: [
      'A projection can crash, be redeployed or fall behind. Because it saves its checkpoint in the same transaction as its rows, it always knows exactly which events it has applied.',
      'When it comes back, it reads the log from its checkpoint and applies only what it missed. An event that reaches it twice is skipped: its position is at or below the checkpoint. Deliveries can repeat: here the order’s delivery waits for the stopped view and arrives after the catch-up has already applied it.',
      'That check is what makes at-least-once delivery safe. Without it, a repeated delivery is applied again and the counts drift, silently, until the view is rebuilt from the log.',
    ],
    task: 'Kill Stock levels, place an order, then restart Stock levels and watch it catch up. Then untick the duplicate check and do the same again: kill, order, restart.',
    highlight: ['Kill Stock levels', 'Place order', 'Restart Stock levels'],
    workbench: 'duplicate-check',
    scenario: {
      domain: 'shop',
      history: [product('SKU-1', 'Blue mug', 12.5, 10), TEAPOT],
      playing: true,
    },
    prediction: {
      question:
        'Stock levels is killed, and orders go on being appended. When you restart it, where does it start reading?',
      choices: [
        'From position 0: it rebuilds everything',
        'From its checkpoint: it reads only the events it missed',
        'From the head: the events it missed are lost to it',
      ],
      answer: 1,
      because:
        'The checkpoint was saved with the rows, so the restarted view asks the event store for everything after it, applies those events in order and is up to date again: nothing lost, nothing applied twice.',
      howToSee: 'Restart Stock levels after placing an order.',
      revealWhen: inOrder('Stock levels caught up after a restart', killedMissedCaughtUp()),
    },
    check: inOrder(
      'Stock levels was killed, missed an event and caught up after a restart; then, with its duplicate check off, it applied an event twice',
      [...killedMissedCaughtUp(), (first, now) => reappliedSince(first, now) > 0],
    ),
  },
  {
    id: 'time-travel',
    number: 9,
    title: 'Time travel',
    text: [
      'The log holds every fact in order, so the state of any stream, and of every view, at any past position can be computed again: fold the events up to that position.',
      'That helps debugging: when a view looks wrong, go back to the position where it went wrong and see which event did it, instead of guessing from today’s state.',
      'Here time travel runs in its own worker, from the same pure functions as the live system; live work carries on meanwhile.',
    ],
    task: 'Start time travel, choose the stream product-SKU-1, and move the slider to a position before the first order.',
    highlight: ['Start time travel', 'Time travel position'],
    scenario: {
      domain: 'shop',
      history: [
        MUG,
        order('ORD-1', [{ sku: 'SKU-1', quantity: 2 }]),
        { type: 'Restock', data: { sku: 'SKU-1', quantity: 10 } },
        order('ORD-2', [{ sku: 'SKU-1', quantity: 3 }]),
        { type: 'CancelOrder', data: { orderId: 'ORD-1' } },
      ],
      playing: true,
    },
    prediction: {
      question: 'At position #1, right after SKU-1 was added, how many were available to sell?',
      choices: [
        '5, the stock it was added with',
        'The same as now',
        'None: nothing is known that early',
      ],
      answer: 0,
      because:
        'At #1 the only fact about SKU-1 is ProductAdded with 5 in stock; the orders, the restock and the cancellation came later.',
      howToSee: 'Move the time travel slider to #1 with the stream product-SKU-1.',
      revealWhen: beforeFirstOrder('Time travel showed SKU-1 before the first order'),
    },
    check: beforeFirstOrder(
      'Time travel showed the stream product-SKU-1 at a position before the first order',
    ),
  },
  {
    id: 'without-cqrs',
    number: 10,
    title: 'Without CQRS',
    text: [
      'Without CQRS, one model serves both paths: a command updates the current state in place, and a query reads the same rows. One store, one queue, one worker. There is no lag to explain: a read after a write always sees it.',
      'The price shows under load: reads wait in the same queue as writes. The split design sends reads to their own worker and store, so they wait only for their view’s own work, which still grows with the writes it has to apply. Here the write side hands each batch straight to the view before acknowledging it, so a read sent after an acknowledgement normally queues behind that batch and is not stale; with a broker or a polling interval in between (the bus plays that part in the live lab), it can be.',
      'What this measures: on this browser and machine, how long reads and writes take in each design under two mixes of the same seeded workload, and how many of the split design’s reads missed an acknowledged write. What it does not show: a real server (network, a database tuned for the load, many machines), adding read replicas, or the cost of building and running more parts. Both designs share this machine’s cores, so the split’s extra workers also compete for the CPU. One run is noisy: run each mix more than once.',
    ],
    task: 'Run the write-heavy mix, then the read-heavy mix, and compare the read times of the two designs.',
    highlight: MIXES.map((m) => `Run the ${m.name.toLowerCase()}`),
    workbench: 'single-model',
    scenario: { domain: 'shop', history: [MUG, TEAPOT], playing: true },
    prediction: {
      question:
        'In the single model, a read arrives while a run of writes is queued ahead of it. When is it answered?',
      choices: [
        'At once: reads skip the queue',
        'After the writes ahead of it: one queue serves both',
        'Never: reads are refused while writes are waiting',
      ],
      answer: 1,
      because:
        'The single model has one queue and one store, so a read waits its turn, and it then sees every write before it. The split design’s reads queue only behind their view’s own work, and pay for it with reads that can be stale.',
      howToSee: 'Run a mix and compare the read times.',
      revealWhen: once('A mix was run against both designs', (_, now) =>
        now.activity.some((a) => a.startsWith('compare:')),
      ),
    },
    check: once(
      'The write-heavy and the read-heavy mix were both run against both designs',
      (_, now) => MIXES.every((m) => now.activity.includes(`compare:${m.id}`)),
    ),
  },
  {
    id: 'when-not-to-use-cqrs',
    number: 11,
    title: 'When not to use CQRS',
    text: [
      'The split has costs, and this lab shows them on one screen: more moving parts (a bus, a write model, and a worker and a database per view), a window in which reads lag writes that every screen has to design for, and more code: projections, checkpoints, catch-up and replay.',
      'A single model is usually the better choice when reads and writes need much the same shape, when the load is modest, when people must always see their own writes at once, or when the domain is simple. Many forms-over-data screens are like that.',
      'The split earns its keep where reads and writes differ a lot: far more reads than writes, read shapes (search, dashboards) far from the write rules, or a need for the history the log keeps. Even then, start with one bounded context, the part of the system where those needs are real, and keep the rest simple. Adding the split later is easier than taking it out.',
    ],
    task: 'Press “Measure one order’s trip” and compare the two columns.',
    highlight: ['Measure one order’s trip'],
    workbench: 'costs',
    scenario: {
      domain: 'shop',
      history: [product('SKU-1', 'Blue mug', 12.5, 1000), TEAPOT],
      playing: true,
    },
    prediction: {
      question:
        'A small app: one team, a few screens, simple forms, modest traffic. What would splitting reads from writes mostly add?',
      choices: [
        'Faster reads everywhere, at no cost',
        'More parts to run and a window where reads lag writes, with no read load that needs it',
        'Security: a split system is safer by itself',
      ],
      answer: 1,
      because:
        'The split pays off when reads and writes pull in different directions. Without that, its extra workers, stores, code and eventual consistency are cost without return; security comes from other things, not from the split itself.',
      howToSee: 'Measure one order’s trip and read the table.',
      revealWhen: once('An order’s trip was measured', reported('costs-measured')),
    },
    check: once(
      'One order’s trip was measured through the split design and through a single model',
      reported('costs-measured'),
    ),
  },
];

function rebuiltToHead(now: Observation): boolean {
  const view = now.views['Product search'];
  return view?.rebuiltEvents !== undefined && view.rebuiltEvents === now.head && now.head > 0;
}

function killedMissedCaughtUp(): ((first: Observation, now: Observation) => boolean)[] {
  return [
    (_, now) => now.views['Stock levels']?.phase === 'stopped',
    (_, now) => {
      const view = now.views['Stock levels'];
      return view?.phase === 'stopped' && now.head > view.checkpoint;
    },
    (_, now) => caughtUp(now, 'Stock levels'),
  ];
}

const reappliedSince = (first: Observation, now: Observation): number =>
  (now.views['Stock levels']?.reapplied ?? 0) - (first.views['Stock levels']?.reapplied ?? 0);

function beforeFirstOrder(describe: string) {
  return once(describe, (first, now) => {
    const firstOrder = firstPositionOf(now, 'OrderPlaced');
    const at = now.timeTravel;
    // Left over from before the chapter does not count: the learner has to move it.
    const moved =
      at?.position !== first.timeTravel?.position || at?.streamId !== first.timeTravel?.streamId;
    return (
      moved &&
      at?.streamId === 'product-SKU-1' &&
      firstOrder !== undefined &&
      at.position >= 1 &&
      at.position < firstOrder
    );
  });
}

export const chapterById = (id: string): Chapter | undefined => CHAPTERS.find((c) => c.id === id);

// Chapters 1–5: commands and queries, events, projections, a stale read, reading your own writes.
import { VIEW_NAMES } from '../../domain/views';
import { STRATEGIES } from '../readYourWrites';
import { answersFrom, inOrder, isStale, newEvents, once } from '../checks';
import type { Chapter } from '../types';
import { MUG, order, product, TEAPOT } from './shared';

export const BASICS: readonly Chapter[] = [
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
];

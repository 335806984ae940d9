// Chapters 1–5: commands and queries, events, projections, a stale read, reading your own writes.
import {
  DEMO_COMMANDS_AND_QUERIES,
  DEMO_EVENTS_ARE_FACTS,
  DEMO_PROJECTIONS,
  DEMO_STALE_READ,
  DEMO_READ_YOUR_WRITES,
} from './demos';
import { VIEW_NAMES } from '../../domain/views';
import { STRATEGIES } from '../readYourWrites';
import { answersFrom, inOrder, isStale, newEvents, once } from '../checks';
import type { Chapter } from '../types';
import { infoOf } from './catalogue';
import { STALE_READ, storyInFlight, storyStart } from './story';

const { viewAt, head, available: had } = STALE_READ;

export const BASICS: readonly Chapter[] = [
  {
    ...infoOf('commands-and-queries'),
    text: [
      'The shop’s staff place orders, and every order must pass the shop’s rules: no selling mugs that are not there. At the same time, customers and staff keep asking questions, such as “how many Blue mugs are left?”, far more often than anyone orders. The rules want the data shaped for deciding; the questions want it shaped for answering.',
      'A command asks the system to change something, and it may be refused. A query asks what is true, and changes nothing. CQRS (Command Query Responsibility Segregation) sends the two down different paths, to different models: a write model decides the commands, and the questions get a model of their own.',
      'How far apart the two models are is a further choice: separate code on one database, separate tables, or separate stores. CQRS by itself implies no event log, no broker and no delay.',
    ],
    task: 'Place an order for SKU-1 with the Place order form, then ask Stock levels about SKU-1 with its query box.',
    highlight: ['Place order', 'Ask Stock levels'],
    demo: DEMO_COMMANDS_AND_QUERIES,
    scenario: { domain: 'shop', history: storyStart('commands-and-queries'), playing: true },
    prediction: {
      question: 'You ask about SKU-1’s stock. Which part of the system answers?',
      choices: [
        'The write model, which decided the order',
        'The Stock levels view, a read model with its own copy of the data',
        'The event store, by reading every event',
      ],
      answer: 1,
      because:
        'In this lab’s design, queries are answered by views unless a chapter says otherwise (chapter 5 also tries reading from the write model). Stock levels keeps one row per SKU and answers from it; the answer names the view that served it and the log position it was at.',
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
    takeaway: {
      text: 'A command asks for a change and may be refused; a query asks what is true and changes nothing. CQRS gives each its own model, and says nothing by itself about event logs, brokers, separate databases or lag.',
      inProduction:
        'In a plain SQL database, CQRS can be separate command handlers and query code, with queries reading tables or SQL views shaped for them. Axon sends commands and queries over separate buses to separate handlers; Marten keeps read documents, built by projections, beside the events in the same PostgreSQL database.',
    },
  },
  {
    ...infoOf('events-are-facts'),
    text: [
      'Chapter 1’s order is still in the log; since then the Blue mug’s price has gone from 12.50 to 14.00, and 3 more Blue mugs have come in. A customer says the Blue mug cost 12.50 when she put it in her basket, yet 14.00 is on her receipt. If the shop kept only one row per product, with today’s price, nobody could say what the price was an hour ago, or what changed it.',
      'This lab’s write model uses event sourcing. It stores events, facts in the past tense such as ProductAdded or PriceChanged, in a log, and derives the current state by folding them: start from nothing and apply each event in order.',
      'Event sourcing is a separate choice from CQRS: a CQRS system may store the current state in tables, and an event-sourced one may answer queries from its write model. Its costs are its own: a log that keeps growing, state that must be folded (or kept in a view), and old events that must stay readable as the code changes.',
    ],
    task: 'Change the price of SKU-1, then find the earlier PriceChanged of product-SKU-1 (the one that set 14.00) in the Event log and select it.',
    highlight: ['Change price', 'Event log'],
    demo: DEMO_EVENTS_ARE_FACTS,
    scenario: { domain: 'shop', history: storyStart('events-are-facts'), playing: true },
    prediction: {
      question:
        'You change SKU-1’s price again. What happens to the PriceChanged event that set it to 14.00?',
      choices: [
        'It is updated to the new price, so the stream keeps one price per product',
        'It stays in the log, and a new PriceChanged event is appended after it',
        'It is marked as replaced, and the new price goes into the product’s current row',
      ],
      answer: 1,
      because:
        'An event records something that already happened, so it is not edited: the new price is a new fact, and the old one stays, so the log still shows that SKU-1 cost 14.00 for a while. The current price is whatever the last PriceChanged says. (Step back in this lab removes events: that is a simulator feature. A real event store is append-only, and a change in an event’s shape is handled by upcasting or a deliberate migration.)',
      howToSee: 'Change the price of SKU-1 and look at the top of the Event log.',
      revealWhen: once(
        'A new PriceChanged was appended',
        (first, now) => newEvents(first, now, 'PriceChanged').length > 0,
      ),
    },
    check: inOrder(
      'A new PriceChanged was appended, then the earlier PriceChanged of product-SKU-1 was selected in the log, still there',
      [
        (first, now) => newEvents(first, now, 'PriceChanged').length > 0,
        (first, now) => {
          const changed = newEvents(first, now, 'PriceChanged')[0]?.position ?? 0;
          const selected = now.events.find((e) => e.position === now.selectedEvent);
          return (
            selected?.type === 'PriceChanged' &&
            selected.streamId === 'product-SKU-1' &&
            selected.position < changed
          );
        },
      ],
    ),
    takeaway: {
      text: 'Event sourcing stores what happened and derives the current state by folding it; a change is a new event, not an edit of an old one. It is a choice about how the write side stores its data, separate from CQRS, which is about giving queries their own model.',
      inProduction:
        'KurrentDB (formerly EventStoreDB) and Marten treat a stream as append-only: events are appended, not edited; when an event’s shape changes, old events are upcast as they are read, or copied into a new stream. A plain SQL database can do the same with an append-only events table keyed on stream and version.',
    },
  },
  {
    ...infoOf('projections'),
    text: [
      'The shop now sells a Green mug too, and two more orders have come in, one of them paid. Its pages ask very different questions: where is my order, how many mugs are left, what sold this hour, which products match a word. Folding the whole log for every question would get slower as the log grows, and no single table is good at all of them.',
      'A projection reads events in log order and keeps a view shaped for one kind of question. Here each projection runs in its own worker with its own database, applies events after they are appended, and records the last position it applied: its checkpoint. Four views read the same log: Order status, Stock levels, Sales dashboard and Product search.',
      'Adding a view does not change the write side: it is one more reader of the same log. Each view is more code to write and run, though, and one more copy of the data to keep in step.',
    ],
    task: 'Search Product search for a word, such as “mug”, and ask another view about one key, such as SKU-2 in Stock levels.',
    highlight: ['Ask Stock levels', 'Ask Product search'],
    demo: DEMO_PROJECTIONS,
    scenario: { domain: 'shop', history: storyStart('projections'), playing: true },
    prediction: {
      question:
        'Stock levels has a row for every product, with its name. Which view is built to answer “which products match ‘mug’?”',
      choices: [
        'Stock levels: it has every product’s name, so it can pick out the matches',
        'Product search: it keeps an index from words to products',
        'Any of them: they all applied the same events, so they can answer the same questions',
      ],
      answer: 1,
      because:
        'Only Product search keeps a word index. Stock levels could list every product, but then the page would have to search them itself, and Order status keeps orders, not products: the shape of a view decides which questions are cheap.',
      howToSee: 'Search for “mug” with Product search’s query box.',
      revealWhen: once(
        'Product search answered',
        (first, now) => answersFrom(first, now, 'Product search').length > 0,
      ),
    },
    check: once(
      'Product search answered a word search, and another view answered about one key',
      (first, now) =>
        answersFrom(first, now, 'Product search').some((a) => a.asked === 'text') &&
        VIEW_NAMES.some(
          (view) =>
            view !== 'Product search' &&
            answersFrom(first, now, view).some((a) => a.asked === 'key'),
        ),
    ),
    takeaway: {
      text: 'A projection turns events into a view shaped for one kind of question, and its checkpoint records the last log position it applied. The same events can feed a table of counters, a list of totals and a word index, each cheap for its own questions.',
      inProduction:
        'Marten runs a projection inline, in the same transaction as the append, or asynchronously in its projection daemon; Axon feeds views from event processors, and Kafka-based pipelines consume topics into databases or search indexes. A plain SQL database can keep a view as a materialized view or as a table updated by triggers.',
    },
  },
  {
    ...infoOf('stale-read'),
    text: [
      'A customer orders 2 Blue mugs, and a moment later the shop page asks Stock levels how many are left. Here the order is on its way to the write model, Stock levels gets its deliveries 1.5 s after each append, and the simulation waits for you to step.',
      'Stock levels is an asynchronous projection: it is updated after the write commits, so for a while the log’s head can be ahead of the view’s checkpoint. That time, between the append and the view’s update, is the inconsistency window; with no new writes, the view reaches the head (eventual consistency).',
      'Every answer names the position it was served at and the head of the log. An answer from a view behind the head is possibly stale: it is stale only if an event it has not applied changes what was asked.',
    ],
    task: 'Step forward until the order is in the Event log, then ask Stock levels for SKU-1 and step until its answer arrives.',
    highlight: ['Step forward', 'Ask Stock levels'],
    demo: DEMO_STALE_READ,
    scenario: {
      domain: 'shop',
      delays: { 'Stock levels': 1500 },
      history: storyStart('stale-read'),
      inFlight: storyInFlight('stale-read'),
      playing: false,
    },
    prediction: {
      question: `The order is in the log (head #${String(head)}), and Stock levels says it is at #${String(viewAt)}. You ask it for SKU-1, which had ${String(had)}. How many does it say are available?`,
      choices: [
        `${String(had)}: it answers from the events it has applied`,
        `${String(had - 2)}: it reads the new order from the log before answering`,
        'No number: it holds the question until it has caught up',
      ],
      answer: 0,
      because: `Stock levels is updated asynchronously, after the append, and answers from what it has applied: up to #${String(viewAt)}. #${String(head)} (StockReserved, 2 of SKU-1) is in the log but not applied, so it still says ${String(had)}. That missing event changes what you asked, so the answer is stale, and it shows the gap: “as of #${String(viewAt)}, head #${String(head)}”.`,
      howToSee:
        'Ask Stock levels for SKU-1 once the order is appended, and step until the answer arrives.',
      revealWhen: once('Stock levels answered from behind the head of the log', (first, now) =>
        answersFrom(first, now, 'Stock levels').some(isStale),
      ),
    },
    check: once('Stock levels answered from a position behind the head of the log', (first, now) =>
      answersFrom(first, now, 'Stock levels').some(isStale),
    ),
    takeaway: {
      text: 'An asynchronous view answers from the events it has applied, so for a while after each write its answers are possibly stale, and stale when a missing event touches the question. An answer that names its position and the head lets the reader see that gap instead of guessing.',
      inProduction:
        'Marten’s projection daemon, Axon’s tracking processors and Kafka consumers all report how far behind they are (progress, token position, consumer lag), and that lag is worth monitoring. A SQL read replica, or a materialized view refreshed on a schedule, has the same kind of window.',
    },
  },
  {
    ...infoOf('read-your-writes'),
    text: [
      'People expect to see what they have just done. Ada transfers 10.00 from ACC-1, the page says “done”, and at once she looks at her balance. Here that balance comes from Account balances, an asynchronous view whose deliveries take 1.5 s.',
      'Each way of making sure she sees her transfer has a price. Waiting for the view makes the answer slower. Reading from the write model puts query load on the side that decides, and it is not shaped for questions. An optimistic UI is instant, but it is a guess built on what the page showed before, and it must be taken back if the command is refused. An inline projection, a view updated in the same transaction as the append, is never behind (CQRS with no lag), but every write does more work and the write side now depends on a read model.',
      'The timings are this browser’s. The simulated bus adds some 60 ms to every write here, so small differences between write times are noise; the stale counts and the wait for the view are the point.',
    ],
    task: 'In the Read-your-writes strategies table, press Try on “Read the view at once” (no strategy: this shows the problem), then on each of the four strategies below it.',
    highlight: STRATEGIES.map((s) => `Try: ${s.name}`),
    demo: DEMO_READ_YOUR_WRITES,
    workbench: 'read-your-writes',
    scenario: {
      domain: 'bank',
      delays: { 'Account balances': 1500 },
      history: storyStart('read-your-writes'),
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
        'The acknowledgement means the events are in the log, not that every view has applied them. Account balances answers from what it has applied, and says so: its answer is as of a position before the transfer, and since the transfer changes ACC-1, the answer is stale.',
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
    takeaway: {
      text: 'An acknowledged write is in the log, not yet in every asynchronous view, so a read straight after it can miss it. Waiting for the view, reading from the write model, an optimistic UI and an inline projection each close that gap, and each at its own price.',
      inProduction:
        'A KurrentDB append returns the log position it wrote and a Kafka send returns the offset, so a client can wait until a view reports that position; Marten can run a projection inline, in the append’s own transaction. A plain SQL database can update the read table in the write’s transaction, or send the user’s next reads to the primary instead of a lagging replica.',
    },
  },
];

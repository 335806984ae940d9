// Chapters 6–11: concurrency, rebuilds, failure, time travel, and CQRS weighed against one model.
import { MIXES } from '../workload';
import { caughtUp, inOrder, once, reported } from '../checks';
import type { Chapter, Observation } from '../types';
import { beforeFirstOrder, catalogue, MUG, order, product, reappliedSince, TEAPOT } from './shared';

export const PRACTICE: readonly Chapter[] = [
  {
    id: 'optimistic-concurrency',
    number: 6,
    title: 'Optimistic concurrency',
    goal: 'After this chapter you can explain what optimistic concurrency protects that the rules alone do not, and tell a broken invariant from a lost update.',
    text: [
      'Two clerks serve customers at the same time. Both look at the Blue mug and see 1 left, both tell their customer “yes”, and both press Sell. There is one mug, so at most one sale may go through: a second would break an invariant, a rule that must hold after every command (stock never below zero). That is not a lost update, where one write silently overwrites another.',
      'The write model decides one command at a time, against the current state of the product’s stream. A clerk’s command can also state the version of the stream the clerk read (optimistic concurrency): the write model then refuses it, appending nothing, if the stream has moved since. No lock is held while people think. Between writers (another tab, another server), the same kind of check guards each append, and the log’s unique index on stream and version refuses a second event with the same number.',
      'The cost: a refused clerk must read again and retry. The version here covers the whole product stream, so a sale is also refused when the product was only restocked since the read, which cannot make the sale wrong: a false conflict. Where conflicts are frequent, the retries add up, and smaller streams, a queue or a lock can be the better choice.',
    ],
    task: 'Read SKU-1 as Clerk A and as Clerk B, then sell it as Clerk A and then as Clerk B. Then read it again as Clerk B, restock SKU-1 with the Restock form, and sell as Clerk B.',
    highlight: ['Clerk A: read SKU-1', 'Clerk B: read SKU-1', 'Restock'],
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
        'The first sale goes through; the second is refused by the stock rule, as none is left',
      ],
      answer: 1,
      because:
        'Each sale names the version of product-SKU-1 its clerk read. The first appends StockReserved, so the stream moves to version 2; the second still names version 1, and the write model checks the version before the rules, so it is refused and nothing is appended. Read again and sell: now the stock rule refuses it, with 0 left. Either way nothing is oversold, because the write model decides on the current state; the version check tells the clerk that what they saw has changed.',
      howToSee: 'Sell as Clerk A, then as Clerk B.',
      revealWhen: once('A clerk was refused for a stale read', reported('refused-stale')),
    },
    check: inOrder(
      'One clerk sold the last mug, the other was refused because SKU-1 had changed since they read it, and then refused again when only a restock had moved it (a false conflict)',
      [reported('sold'), reported('refused-stale'), reported('refused-false-conflict')],
    ),
    takeaway: {
      text: 'Optimistic concurrency refuses a command decided on a version of the stream that is no longer current, so nobody acts on a change they did not see, and no lock is held while they think. Invariants such as “stock never below zero” are kept by the rules deciding on the current state, and the version check on each append keeps that true when several writers share the log.',
      inProduction:
        'KurrentDB appends with an expected revision and refuses the write if the stream has moved; Marten checks an expected stream version on append, and Axon’s event store refuses a second event with the same aggregate sequence number. In a plain SQL database the same idea is a version column checked in the UPDATE’s WHERE clause, or a unique (stream, version) key on an events table.',
    },
  },
  {
    id: 'rebuild',
    number: 7,
    title: 'Rebuild from history',
    goal: 'After this chapter you can explain what a rebuild does to a view, what it costs, and which pattern makes it possible.',
    text: [
      'The shop wants customers to find products by word, so it adds a search view. But the catalogue’s 400 products were added long before that view existed. Here Product search plays the new view: it was paused before anything was written, so it has applied nothing (it is at #0, and the log’s head is #400).',
      'Filling a view like this is called a rebuild, and it has costs. It takes time that grows with the length of the log. Done in place, as here, the view is emptied first and cannot answer meanwhile: questions to it wait until the rebuild is done. On a long log, teams build the new version beside the old one, keep answering from the old one, and switch once the new one has caught up.',
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
        'None: those events were delivered before the view existed, so they are gone for it',
        'Every product in the log, as if it had been running from the start',
        'Only products added after the rebuild: a view follows the log from the moment it starts',
      ],
      answer: 1,
      because:
        'A rebuild starts from an empty view at position 0 and applies every event in the log in order, with the same projection code that runs live, so it ends where a view that never stopped would be. Delivering an event does not use it up: the log keeps it, and the log is what a rebuild reads.',
      howToSee: 'Press Rebuild Product search.',
      revealWhen: once('Product search was rebuilt', (_, now) => rebuiltToHead(now)),
    },
    // Its task ends with Resume: not done until the rebuilt view follows new events again.
    check: inOrder(
      'Product search replayed the whole log (#1 to the head), then was resumed: it is running and up to date',
      [(_, now) => rebuiltToHead(now), (_, now) => caughtUp(now, 'Product search')],
    ),
    takeaway: {
      text: 'A rebuild replays the log from the start into an empty view, with the projection code that runs live, so a new view gets the whole history and a broken one is repaired. That comes from keeping an event log (event sourcing), not from CQRS, and its time grows with the log, so a new view is best built beside the old one and switched to once it has caught up.',
      inProduction:
        'Marten’s projection daemon can rebuild an async projection from the start of the event store, Axon replays a tracking event processor by resetting its token, and a Kafka consumer can start again from the earliest offset the topic still retains. Snapshots, which Axon offers for aggregates, speed up loading an aggregate for a command; they do not build a view.',
    },
  },
  {
    id: 'failure-and-catch-up',
    number: 8,
    title: 'Failure and catch-up',
    goal: 'After this chapter you can explain how a view recovers after a crash, and when at-least-once delivery is safe.',
    text: [
      'A view can crash, be redeployed or fall behind while orders go on being appended. When Stock levels comes back, the shop needs its counts right: no order missed, none counted twice. Each view here saves its checkpoint in the same transaction as its rows, so the two always agree.',
      'Deliveries can repeat (at-least-once delivery): here an order’s delivery waits for the stopped view, and can arrive after the view already has that event. So the view skips any event at or below its checkpoint: the duplicate check. Without it, a repeated delivery is applied again, and the counts drift, silently, until the view is rebuilt from the log.',
      'That check is enough only because positions here commit in order, without gaps: each append takes the next position inside a transaction that no other append can overlap. Where positions come from a sequence taken before commit, #11 can commit after #12, and a view already at #12 would skip #11 for ever.',
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
    takeaway: {
      text: 'A view that saves its checkpoint in the same transaction as its rows can stop at any moment and resume without losing or repeating work, and skipping events at or below the checkpoint makes at-least-once delivery safe. That skip is only correct where positions become visible in order without gaps; elsewhere a view must wait for gaps to close or track each position it has applied.',
      inProduction:
        'KurrentDB catch-up subscriptions resume from a checkpoint the client stores (best kept with the view’s data) and persistent subscriptions keep it on the server, Axon’s tracking processors store a token, and Kafka consumers commit offsets; all of them deliver at least once, and Kafka’s exactly-once needs idempotent producers and transactions, and covers only what stays inside Kafka. Marten’s projection daemon advances only to a “high water mark” below which no sequence number is still missing, because PostgreSQL sequence numbers are taken before commit and can become visible out of order.',
    },
  },
  {
    id: 'time-travel',
    number: 9,
    title: 'Time travel',
    goal: 'After this chapter you can explain how past states are recomputed from the log, and what such a recomputation can and cannot show.',
    text: [
      'The owner thinks Stock levels shows too many Blue mugs. Today’s rows say how many there are, but not how the number came about, or what it was before each order.',
      'The log holds every event in order, so the state of any stream, and of every view, at a past position can be computed again: fold the events up to that position. Go back to where things went wrong and see which event did it, instead of guessing from today’s state. Here time travel runs in its own worker, from the same pure functions as the live system; live work carries on meanwhile.',
      'The past is recomputed with today’s projection code, reading old events through today’s upcasters: it shows what each view should have held then, not what it did hold. A view that went wrong because of a delivery fault, such as chapter 8’s double count, is not reproduced.',
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
        'The same as now: a stream keeps only its current state',
        'Unknown: only what a view recorded at the time could tell',
      ],
      answer: 0,
      because:
        'At #1 the only fact about SKU-1 is ProductAdded with 5 in stock; the orders, the restock and the cancellation came later, and folding up to #1 leaves them out.',
      howToSee: 'Move the time travel slider to #1 with the stream product-SKU-1.',
      revealWhen: beforeFirstOrder('Time travel showed SKU-1 before the first order'),
    },
    check: beforeFirstOrder(
      'Time travel showed the stream product-SKU-1 at a position before the first order',
    ),
    takeaway: {
      text: 'An event log lets you recompute any stream or view as of any past position, so you can debug from facts instead of guessing from today’s rows. It is recomputed with today’s code and upcasters, so it shows what a view should have held, not what a faulty view did hold.',
      inProduction:
        'Marten can aggregate a stream as of a version or a timestamp, KurrentDB reads a stream up to any revision, and Axon can replay events into a fresh processor. What a live view actually served is known only from the system’s own records: logs, traces or backups.',
    },
  },
  {
    id: 'without-cqrs',
    number: 10,
    title: 'Without CQRS',
    goal: 'After this chapter you can explain what this lab’s comparison of a single model and a split design measures, why its result depends on the machine, and which pattern each difference belongs to.',
    text: [
      'Traffic grows: many people check stock while orders keep coming. Would giving the reads a model of their own help them? Without CQRS, one model serves both: a command updates the current state in place, and a query reads the same rows, so a read after a write sees it. Here the single model keeps the current state in one store; the split design keeps an event log (event sourcing) and a Stock levels view in another worker, updated after each write commits (an asynchronous projection).',
      'What this measures: on this browser and machine, how long reads and writes take in each design under two mixes of the same seeded workload, and how many of the split’s reads were answered behind a write already acknowledged (possibly stale: that comes from its asynchronous view, not from CQRS). The split runs more workers than the single model, and on a machine with few cores they compete for the CPU, so its reads may well be slower here: that is a true result for this machine, not a rule. One run is noisy: run each mix more than once.',
      'What it does not show: a real server, with many cores and a database tuned for the load, where contention comes from locks, index upkeep and heavy queries competing for CPU and disk; nor the network, read replicas, or the cost of building and running more parts. Nor does it show CQRS making reads faster: a split pays off when reads need a different shape, or a store of their own that can be scaled and tuned apart.',
    ],
    task: 'Run the write-heavy mix, then the read-heavy mix, and compare the read times of the two designs: then answer what your machine measured.',
    highlight: MIXES.map((m) => `Run the ${m.name.toLowerCase()}`),
    workbench: 'single-model',
    scenario: { domain: 'shop', history: [MUG, TEAPOT], playing: true },
    prediction: {
      question:
        'In this lab’s single model, a read arrives while a run of writes is queued ahead of it. When is it answered?',
      choices: [
        'At once: reads skip ahead of the queued writes',
        'After the writes ahead of it: one queue serves both, in order',
        'In parallel with them: the store serves reads while it writes',
      ],
      answer: 1,
      because:
        'The single model has one queue in this lab, served by one worker, so a read waits its turn and then sees every write ahead of it. That is this lab’s design, not a property of single models: a real database serves reads while it writes (the third choice describes it), and contention there is locks, index upkeep and heavy queries competing for CPU and disk. The split’s reads queue only behind their view’s own work, and may be answered behind the head.',
      howToSee: 'Run a mix and compare the read times.',
      revealWhen: once('A mix was run against both designs', (_, now) =>
        now.activity.some((a) => a.startsWith('compare:')),
      ),
    },
    check: once(
      'Both mixes were run against both designs, and the write-heavy read times were read off the table',
      reported(...MIXES.map((m) => `compare:${m.id}`), 'compare-reading:right'),
    ),
    takeaway: {
      text: 'This lab’s comparison measures one machine: the split’s extra workers compete for its cores, and its single model serves reads and writes from one queue, unlike a real database. CQRS gives reads their own shape and store, not faster reads by itself, and the possibly stale reads come from updating that store asynchronously, not from CQRS.',
      inProduction:
        'A plain SQL database serves reads while it writes (in PostgreSQL, readers and writers do not block each other) and can add indexes, materialized views, a read table updated in the same transaction, or read replicas, which lag like an asynchronous view. Marten’s async projections or a Kafka-based pipeline take view updates out of the write’s transaction, which frees the write but adds a lag to monitor.',
    },
  },
  {
    id: 'when-not-to-use-cqrs',
    number: 11,
    title: 'When not to use CQRS',
    goal: 'After this chapter you can tell when a single model is the better choice, and name the pattern each cost of this lab’s design belongs to.',
    text: [
      'The shop’s owner wants a small app for the stockroom: one team, a few screens, simple forms, modest traffic. Someone proposes the design this lab runs: a write model with an event log, a bus, and four views, each in its own worker with its own database. Before saying yes, weigh what each part brings, and which pattern it belongs to.',
      'CQRS brings a model shaped for reading, at the price of a second model and the code that updates it; it pays when reads and writes pull apart, as with search or dashboards far from the write rules, or reads that need a store of their own. Event sourcing brings the history (an audit trail, time travel, new views replayed from old facts) at the price of a log that keeps growing and old events that must stay readable. Asynchronous projections keep the views out of the write’s transaction, at the price of a window in which reads lag writes, with checkpoints and catch-up to run; the bus is transport, one more part.',
      'Needing people to see their own writes at once does not rule CQRS out: a view updated in the write’s own transaction is CQRS with no lag (chapter 5’s inline projection). Where the split does pay, start with one bounded context, the part of the system where those needs are real, and keep the rest simple.',
    ],
    task: 'Press “Measure one order’s trip”, compare the two columns, and answer what your machine measured.',
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
        'Faster reads, since each model is tuned for its own job',
        'Extra parts and code to build and run, with no reading need to pay for them',
        'Reads that lag behind writes, since a split always makes views trail the log',
      ],
      answer: 1,
      because:
        'The split pays off when reads and writes pull in different directions. Here they do not, so its second model, workers, stores and code are cost without return. It does not make reads faster by itself (chapter 10), and lag is not the cost of CQRS: it comes from updating views asynchronously, and an inline view has none. The table counts this lab’s split as it runs, asynchronous views and all.',
      howToSee: 'Measure one order’s trip and read the table.',
      revealWhen: once('An order’s trip was measured', reported('costs-measured')),
    },
    check: once(
      'One order’s trip was measured through both designs, and the table read: which showed it sooner',
      reported('costs-measured', 'costs-reading:right'),
    ),
    takeaway: {
      text: 'Charge each cost to its pattern: a second model and its code to CQRS, a growing log and replay to event sourcing, lag, checkpoints and catch-up to asynchronous projections, and transport to the bus. A single model is the better choice when reads and writes need much the same shape, and even where the split pays, it is best kept to the part of the system that needs it.',
      inProduction:
        'CQRS can live inside one service and one PostgreSQL database, with plain read tables or Marten’s inline projections; event sourcing, asynchronous projections or Kafka can then be added only where the history or the read load calls for them. KurrentDB, Axon Server and a Kafka cluster are each one more system to run, back up and monitor.',
    },
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

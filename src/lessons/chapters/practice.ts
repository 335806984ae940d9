// Chapters 6–11: concurrency, rebuilds, failure, time travel, and CQRS weighed against one model.
import {
  DEMO_OPTIMISTIC_CONCURRENCY,
  DEMO_REBUILD,
  DEMO_FAILURE_AND_CATCH_UP,
  DEMO_TIME_TRAVEL,
  DEMO_WITHOUT_CQRS,
  DEMO_WHEN_NOT_TO_USE_CQRS,
} from './demos';
import { DESIGN_PICKS } from '../designPicks';
import { MIXES } from '../workload';
import { caughtUp, inOrder, once, reported } from '../checks';
import type { Chapter, Observation } from '../types';
import { infoOf } from './catalogue';
import { beforeFirstOrder, CATALOGUE_SIZE, oversold, reappliedSince } from './shared';
import { PUZZLED_OWNER, REBUILD_HEAD, storyStart } from './story';

export const PRACTICE: readonly Chapter[] = [
  {
    ...infoOf('optimistic-concurrency'),
    text: [
      'The shop now runs two servers, each with a write model of its own, sharing one event store. Another order has just taken 2 Blue mugs, so one is left, and two customers ask for it at the same moment; each request reaches a different server. Each server reads the mug’s stream and lets the shop’s rules decide. Stock must never go below zero: a rule that must hold after every command is called an invariant.',
      'Here two write workers play the two servers, on the lab’s own event store. Each decides on the product as it last read it, outside the append, as a request handler would; the append can state the version of the stream the decision was made on (its expected version), or state none.',
    ],
    task: 'Round 1: read SKU-1 as Writer A and as Writer B, then sell as both. Round 2: the same with SKU-2, in a store that checks versions. Round 3: read SKU-3 as both, restock it as Writer A, then sell as Writer B.',
    highlight: ['Writer A: read SKU-1', 'Writer B: read SKU-1'],
    demo: DEMO_OPTIMISTIC_CONCURRENCY,
    workbench: 'two-writers',
    scenario: {
      domain: 'shop',
      history: storyStart('optimistic-concurrency'),
      playing: true,
    },
    prediction: {
      question:
        'Round 1’s store appends without checking versions. Both writers read SKU-1, with 1 left, and both sell. What ends up in the log?',
      choices: [
        'Both sales: SKU-1 ends at −1 available, an invariant broken',
        'Only the first sale: the stock rule refuses the second, as none is left',
        'One sale: the second write overwrites the first, and one order is lost',
      ],
      answer: 0,
      because:
        'Each writer decided on the state it had read, with 1 left, so the rule said yes both times, and the naive store appended both: two orders now hold the one mug. Nothing was overwritten, both sales are in the log, so this is a broken invariant, not a lost update. With the version checked, the second append states the version its writer read, finds the stream has moved, and is refused whole. (The lab’s main write model reads, decides and appends in one transaction, so it cannot oversell. These two writers decide first and append later, so they need the check.)',
      howToSee: 'Read as both writers in round 1, then sell as both.',
      revealWhen: once('Both sales went into the naive store', (_, now) => oversold(now, 'SKU-1')),
    },
    check: inOrder(
      'SKU-1 was oversold in the naive store (a broken invariant in the log), the version check refused the second sale of SKU-2 (a concurrency conflict), and refused a sale of SKU-3 when only a restock had happened (a false conflict)',
      [
        (_, now) => oversold(now, 'SKU-1'),
        (_, now) => reported('race:conflict')(_, now) && !oversold(now, 'SKU-2'),
        reported('race:false-conflict'),
      ],
    ),
    takeaway: {
      text: 'A decision made on state read earlier is safe only if that state has not moved since: optimistic concurrency makes each append state the version it decided on, and the store refuses it whole if the stream has moved, so as long as every writer does this, two cannot both sell the last mug. The check covers the whole stream, so a change that could not make the decision wrong, such as a restock, refuses it too: a false conflict, paid for with a retry.',
      inProduction:
        'KurrentDB appends with an expected revision and refuses the write if the stream has moved; Marten checks an expected stream version on append, and Axon’s event store refuses a second event with the same aggregate sequence number. In a plain SQL database the same idea is a version column checked in the UPDATE’s WHERE clause; where false conflicts are frequent, teams split the stream or retry on the new state. In a table updated in place, the same race is a lost update: both writers set the stock to 0 and one sale vanishes from the count; a conditional UPDATE … SET stock = stock − 1 WHERE stock >= 1 checks only what the sale needs, and so avoids false conflicts.',
    },
  },
  {
    ...infoOf('rebuild'),
    text: [
      `The shop takes on a supplier’s catalogue, ${String(CATALOGUE_SIZE)} more products, and wants customers to find them by word in a new way, so it adds a new search view. Everything in the log was written before that view existed. Here Product search plays the new view: it has applied nothing (it is at #0, and the log’s head is #${String(REBUILD_HEAD)}).`,
      'Filling a view like this is called a rebuild, and it has costs. It takes time that grows with the length of the log. Done in place, as here, the view is emptied first and cannot answer meanwhile: questions to it wait until the rebuild is done. On a long log, teams build the new version beside the old one, keep answering from the old one, and switch once the new one has caught up.',
    ],
    task: 'Press Rebuild Product search and watch its progress, then press Resume Product search so it follows new events.',
    highlight: ['Rebuild Product search', 'Resume Product search'],
    demo: DEMO_REBUILD,
    scenario: {
      domain: 'shop',
      pausedViews: ['Product search'],
      history: storyStart('rebuild'),
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
    ...infoOf('failure-and-catch-up'),
    text: [
      'The supplier has just restocked 10 Blue mugs. A view can crash, be redeployed or fall behind while orders go on being appended. When Stock levels comes back, the shop needs its counts right: no order missed, none counted twice. Each view here saves its checkpoint in the same transaction as its rows, so the two always agree.',
      'Deliveries can repeat (at-least-once delivery): here an order’s delivery waits for the stopped view, and can arrive after the view already has that event. So the view skips any event at or below its checkpoint: the duplicate check. Without it, a repeated delivery is applied again, and the counts drift, silently, until the view is rebuilt from the log.',
      'That check is enough only because positions here commit in order, without gaps: each append takes the next position inside a transaction that no other append can overlap. Where positions come from a sequence taken before commit, #11 can commit after #12, and a view already at #12 would skip #11 for ever.',
    ],
    task: 'Kill Stock levels, place an order, then restart Stock levels and watch it catch up. Then untick the duplicate check and do the same again: kill, order, restart.',
    highlight: ['Kill Stock levels', 'Place order', 'Restart Stock levels'],
    demo: DEMO_FAILURE_AND_CATCH_UP,
    workbench: 'duplicate-check',
    scenario: {
      domain: 'shop',
      history: storyStart('failure-and-catch-up'),
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
    ...infoOf('time-travel'),
    text: [
      `The owner is puzzled: after the last two orders, Stock levels said ${String(PUZZLED_OWNER.before)} Blue mugs were available, and now it says ${String(PUZZLED_OWNER.now)}. Today’s rows say how many there are, but not how the number came about, or what it was before each order.`,
      'The log holds every event in order, so the state of any stream, and of every view, at a past position can be computed again: fold the events up to that position. Go back to where things went wrong and see which event did it, instead of guessing from today’s state. Here time travel runs in its own worker, from the same pure functions as the live system; live work carries on meanwhile.',
      'The past is recomputed with today’s projection code, reading old events through today’s upcasters: it shows what each view should have held then, not what it did hold. A view that went wrong because of a delivery fault, such as chapter 8’s double count, is not reproduced.',
    ],
    task: 'Start time travel, choose the stream product-SKU-1, and move the slider to a position before the first order.',
    highlight: ['Start time travel', 'Time travel position'],
    demo: DEMO_TIME_TRAVEL,
    scenario: {
      domain: 'shop',
      history: storyStart('time-travel'),
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
        'At #1 the only fact about SKU-1 is ProductAdded with 5 in stock; the price changes, the orders, both restocks and the cancellation came later, and folding up to #1 leaves them out.',
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
    ...infoOf('without-cqrs'),
    text: [
      'Traffic grows: many people check stock while orders keep coming, and the team argues about the design. Four are on the table. The lab runs each for real, with the same rules deciding, the same seeded orders and the same question: how many of a product are left?',
      'One model (no CQRS) keeps each product’s current state, and stock queries read those same rows. Two CQRS designs keep the current state too, with a Stock levels table shaped for the query beside it; they differ in when that table is updated. CQRS with event sourcing keeps only the events, in a log, and a Stock levels view derived from them.',
      'What this measures: on this browser and machine, how long writes and reads take in each design under two mixes of one workload, and how many reads missed a write already acknowledged. What it does not show: a real server with many cores and a tuned database, the network, read replicas, or the cost of building and running more parts. One run is noisy: run each mix more than once.',
    ],
    task: 'Run the write-heavy mix, then the read-heavy mix, and compare the four designs: then answer what your machine measured.',
    highlight: MIXES.map((m) => `Run the ${m.name.toLowerCase()}`),
    demo: DEMO_WITHOUT_CQRS,
    workbench: 'designs',
    scenario: { domain: 'shop', history: storyStart('without-cqrs'), playing: true },
    prediction: {
      question:
        'A stock read is sent just after an order was acknowledged. In which designs can the read miss that order?',
      choices: [
        'In every CQRS design: the read goes to a model apart from the one the order changed',
        'Only where the view is updated after the commit: the outbox design and the event-sourced one',
        'Only in the event-sourced design: its view must be derived from the log first',
      ],
      answer: 1,
      because:
        'A view updated in the write’s own transaction is committed with the order, so any read after the acknowledgement sees it: that is CQRS with no lag. A read can miss the order only where the view is updated after the commit, whether the message comes from an outbox table or from an event log (this lab’s event-sourced design updates its view after the commit too). Event sourcing decides what the write side stores, not when a view hears of it.',
      howToSee: 'Run a mix and read the Possibly stale reads column.',
      revealWhen: once('A mix was run against the four designs', (_, now) =>
        now.activity.some((a) => a.startsWith('compare:')),
      ),
    },
    check: once(
      'Both mixes were run against the four designs, and the table read: which answered behind an acknowledged write',
      reported(...MIXES.map((m) => `compare:${m.id}`), 'compare-reading:right'),
    ),
    takeaway: {
      text: 'Lag belongs to updating views after the commit, not to CQRS: the design with its view in the same transaction is CQRS and never answers behind a write, and its price is paid in the write, which also does the view’s work. Event sourcing changes what the write side keeps (the events, from which state and views are derived), which is what replay, audit and time travel need; it does not by itself make views lag or reads faster.',
      inProduction:
        'A plain SQL database serves reads while it writes (in PostgreSQL, readers and writers do not block each other) and can keep a read table in the write’s transaction, or write an outbox row there for a relay, such as Debezium with its outbox event router, to publish after the commit. Marten runs inline projections in the append’s transaction and async projections after it; asynchronous read replicas lag like an asynchronous view.',
    },
  },
  {
    ...infoOf('when-not-to-use-cqrs'),
    text: [
      'The shop’s owner wants three new systems: a small admin form for the staff list, a product catalogue with search, and a ledger for the shop’s money. Someone proposes the design this lab runs for all three: a write model with an event log, a bus, and views in workers of their own. Before saying yes, see what each of the four designs takes to carry one order, then pick one for each system.',
      'Weigh each system by what it must do. Must every answer include the last write? Must the past be kept and explained? Do the reads need a shape, or a store, of their own?',
    ],
    task: 'Press “Measure one order’s trip” and read the table, then pick a design for each of the three systems.',
    highlight: ['Measure one order’s trip'],
    demo: DEMO_WHEN_NOT_TO_USE_CQRS,
    workbench: 'costs',
    scenario: {
      domain: 'shop',
      history: storyStart('when-not-to-use-cqrs'),
      playing: true,
    },
    prediction: {
      question:
        'A small app: one team, a few screens, simple forms, modest traffic. What would splitting reads from writes mostly add?',
      choices: [
        'Faster reads: each model is shaped for its own job',
        'More code and parts to build and run',
        'Reads that can lag behind writes',
      ],
      answer: 1,
      because:
        'The split pays off when reads and writes pull in different directions. Here they do not, so a second model, and the code that keeps it in step, cost without return. A split alone does not make reads faster, and lag is not the cost of CQRS: it comes from updating views after the commit, and a view in the same transaction has none.',
      howToSee: 'Measure one order’s trip and read the table.',
      revealWhen: once('An order’s trip was measured', reported('costs-measured')),
    },
    check: once(
      'One order’s trip was measured through the four designs, and a fitting design picked for each of the three systems',
      reported('costs-measured', ...DESIGN_PICKS.map((pick) => `pick:${pick.id}:right`)),
    ),
    takeaway: {
      text: 'Charge each cost to its pattern: a second model and the code that keeps it to CQRS; a growing log, the time replays take and old events that must stay readable to event sourcing; lag, checkpoints and catch-up to views updated after the commit; transport to the bus. A single model is the better choice when reads and writes need the same shape, and where the split does pay, it is best kept to the part of the system that needs it.',
      inProduction:
        'CQRS can live inside one service and one PostgreSQL database, with read tables updated in the write’s transaction; event sourcing (with Marten, say, and its inline projections), asynchronous projections or Kafka can be added only where the history or the read load calls for them. KurrentDB, Axon Server and a Kafka cluster are each one more system to run, back up and monitor.',
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

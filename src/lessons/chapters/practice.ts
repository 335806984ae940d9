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

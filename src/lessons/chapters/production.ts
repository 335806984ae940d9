// Chapters 12 on: what running an event-sourced system asks of its team as its log grows and its code changes.
import { once, reported } from '../checks';
import { press, reportedAgain } from '../demo';
import { SNAPSHOT_EVERY, SNAPSHOT_LABELS as LABELS } from '../snapshotBench';
import { VERSIONING_LABELS as VERSIONING } from '../versioningBench';
import { BLUE_GREEN_LABELS as BLUE_GREEN } from '../blueGreenBench';
import { FULFILMENT_LABELS as FULFILMENT } from '../fulfilmentBench';
import { OUTBOX_LABELS as OUTBOX } from '../outboxBench';
import { BOUNDARY_LABELS as BOUNDARY } from '../boundariesBench';
import { WORKLOAD } from '../../process/workload';
import type { Chapter, DemoStep } from '../types';
import { infoOf } from './catalogue';
import { HOME_CURRENCY } from '../../domain/money';
import { LONG_ACCOUNT, ORDERS_BEFORE_REVISION_2, storyStart } from './story';

const { accountId, owner, version } = LONG_ACCOUNT;
const count = (n: number) => n.toLocaleString('en-GB');
/** The newest snapshot the bench takes, and the events a load from it folds. */
const newest = Math.floor(version / SNAPSHOT_EVERY) * SNAPSHOT_EVERY;
const after = version - newest;

/** A demonstration step: press a control on the chapter's bench, until the bench reports. */
const stepOn =
  (bench: string) =>
  (says: string, control: string, activity: string): DemoStep => ({
    says,
    acts: [press(control, bench)],
    until: reportedAgain(activity),
  });
const step = stepOn('Snapshots');
const versioningStep = stepOn('Versioning');
const blueGreenStep = stepOn('Blue/green');
const fulfilmentStep = stepOn('Fulfilment');
const DUAL_WRITE = 'Dual write';

const DEMO_SNAPSHOTS: readonly DemoStep[] = [
  step(`Load ${accountId} by folding its whole stream`, LABELS.loadAll, 'snapshot:full'),
  step(`Take a snapshot every ${count(SNAPSHOT_EVERY)} events`, LABELS.take, 'snapshot:taken'),
  step(`Load ${accountId} from its newest snapshot`, LABELS.loadFromSnapshot, 'snapshot:used'),
  step('Ship state shape 2, which counts movements too', LABELS.shipShape, 'snapshot:shape-2'),
  step(
    'Load from the snapshot again: it was taken in shape 1',
    LABELS.loadFromSnapshot,
    'snapshot:discarded',
  ),
];

const DEMO_VERSIONING: readonly DemoStep[] = [
  versioningStep(
    'Ship revision 2 of OrderPlaced, which records the currency',
    VERSIONING.ship,
    'upcast:shipped',
  ),
  versioningStep(
    'Place an order in euros: the log now holds both revisions',
    VERSIONING.place,
    'upcast:placed',
  ),
  versioningStep(
    'Build Sales by currency from #1, reading each event as stored',
    VERSIONING.buildPlain,
    'upcast:stopped',
  ),
  versioningStep('Build it again through the upcaster', VERSIONING.buildUpcast, 'upcast:built'),
];

const DEMO_BLUE_GREEN: readonly DemoStep[] = [
  {
    says: 'Rebuild Stock levels in place, and ask about SKU-1 while it runs: the answer waits',
    acts: [press(BLUE_GREEN.inPlace, 'Blue/green'), press(BLUE_GREEN.ask, 'Blue/green')],
    until: reportedAgain('bluegreen:waited'),
  },
  {
    says: 'Build version 2 beside version 1, and ask while it is built: version 1 answers at once',
    acts: [press(BLUE_GREEN.beside, 'Blue/green'), press(BLUE_GREEN.ask, 'Blue/green')],
    until: reportedAgain('bluegreen:answered-while-building'),
  },
  {
    says: 'Once version 2 has caught up, cut over to it',
    acts: [press(BLUE_GREEN.cutOver, 'Blue/green')],
    until: reportedAgain('bluegreen:cut-over'),
  },
  blueGreenStep(
    'Ask again: version 2 answers, with the units sold',
    BLUE_GREEN.ask,
    'bluegreen:answered',
  ),
  blueGreenStep('Drop version 1: nothing asks it any more', BLUE_GREEN.drop, 'bluegreen:dropped'),
];

const DEMO_PROCESS_MANAGER: readonly DemoStep[] = [
  fulfilmentStep(
    'Place an order: the process manager reacts with ReserveStock',
    FULFILMENT.place,
    'pm:answer-unsaved',
  ),
  fulfilmentStep(
    'Kill the process manager before it has saved ReserveStock’s answer; the watchdog restarts it',
    FULFILMENT.kill,
    'pm:resent',
  ),
  fulfilmentStep(
    'Pay ORD-1: the process confirms the order',
    FULFILMENT.pay('ORD-1'),
    'pm:confirmed',
  ),
  fulfilmentStep(
    'Place a second order, and wait for its payment request',
    FULFILMENT.place,
    'pm:paying',
  ),
  fulfilmentStep(
    'Move the clock on a minute: the payment runs out, the stock is released, the order cancelled',
    FULFILMENT.clock,
    'pm:compensated',
  ),
];

/** Chapter 16's demonstration: the same orders with one boundary, then with two. */
const DEMO_BOUNDARIES: readonly DemoStep[] = [
  stepOn('Boundaries')(
    'Run the orders with the order and the stock decided together',
    BOUNDARY.run.together,
    'boundary:together',
  ),
  stepOn('Boundaries')(
    'Run the same orders with the order and the stock apart',
    BOUNDARY.run.apart,
    'boundary:apart',
  ),
];

/** Chapter 17's demonstration: one crash for each way of publishing, the relay's last. */
const DEMO_OUTBOX: readonly DemoStep[] = [
  {
    says: `Choose “${OUTBOX.ways['write-then-publish']}”, tell the service to crash after its first step, and place an order`,
    acts: [
      press(OUTBOX.ways['write-then-publish'], DUAL_WRITE),
      press(OUTBOX.crashService, DUAL_WRITE),
      press(OUTBOX.place, DUAL_WRITE),
    ],
    until: reportedAgain('outbox:lost'),
  },
  {
    says: `Choose “${OUTBOX.ways['publish-then-write']}”, tell the service to crash again, and place an order`,
    acts: [
      press(OUTBOX.ways['publish-then-write'], DUAL_WRITE),
      press(OUTBOX.crashService, DUAL_WRITE),
      press(OUTBOX.place, DUAL_WRITE),
    ],
    until: reportedAgain('outbox:phantom'),
  },
  {
    says: `Choose “${OUTBOX.ways.outbox}”, tell the relay to crash after it publishes, and place an order`,
    acts: [
      press(OUTBOX.ways.outbox, DUAL_WRITE),
      press(OUTBOX.crashRelay, DUAL_WRITE),
      press(OUTBOX.place, DUAL_WRITE),
    ],
    until: reportedAgain('outbox:twice'),
  },
];

const orders = ORDERS_BEFORE_REVISION_2;

export const PRODUCTION: readonly Chapter[] = [
  {
    ...infoOf('snapshots'),
    text: [
      `The bank keeps ${owner.toLowerCase()}’s account, ${accountId}, which has had ${count(version - 1)} deposits and withdrawals since it was opened. Before the bank’s write model decides a command on ${accountId}, such as a withdrawal, it must know the balance, and with event sourcing that means folding the account’s stream, event by event, from the opening on. If the write model loads the account afresh for each command, every command waits for that fold, and a longer stream means a longer fold.`,
      `A snapshot is the state of one stream folded up to a version and stored beside the log: ${accountId} as it stood at version ${count(SNAPSHOT_EVERY)}, say, together with that version. It holds nothing the log does not.`,
      'The state’s shape is code, and code changes: a new version of the write model may keep something the old one did not. Snapshots are written in the shape of the code that took them.',
    ],
    task: `Load ${accountId} by folding every event, take a snapshot every ${count(SNAPSHOT_EVERY)} events, and load ${accountId} from its snapshot. Then ship state shape 2 and load from the snapshot again.`,
    highlight: [LABELS.loadAll, LABELS.take, LABELS.loadFromSnapshot, LABELS.shipShape],
    workbench: 'snapshots',
    demo: DEMO_SNAPSHOTS,
    scenario: { domain: 'bank', history: storyStart('snapshots'), playing: true },
    prediction: {
      question: `${accountId}’s stream is at version ${count(version)}, and a snapshot was taken every ${count(SNAPSHOT_EVERY)} events. Loading ${accountId} from its snapshot, how many events does the loader fold?`,
      choices: [
        `${count(after)}: only the events after the newest snapshot, at ${count(newest)}`,
        `${count(version)}: the loader still reads the whole stream, to check the snapshot`,
        `None: it uses the newest snapshot’s balance as it is; the ${count(after)} later events wait for the next snapshot`,
      ],
      answer: 0,
      because: `The loader reads the newest snapshot, ${accountId} as it stood at version ${count(newest)}, and folds only the ${count(after)} events after it onto that state: the same state that folding all ${count(version)} gives, with fewer events read. A snapshot is taken now and then (here every ${count(SNAPSHOT_EVERY)} events), not on every write. Some stores update the snapshot in every append’s transaction (Marten’s inline snapshots); a load then folds nothing after it, and every append pays for it.`,
      howToSee: `Take the snapshots, then load ${accountId} from its snapshot.`,
      revealWhen: once('The account was loaded from a snapshot', reported('snapshot:used')),
    },
    check: once(
      'The account was loaded by folding its whole stream and from a snapshot, and the shape-1 snapshots were thrown away at the first load after shape 2 shipped',
      reported('snapshot:full', 'snapshot:used', 'snapshot:discarded'),
    ),
    takeaway: {
      text: 'A snapshot is a stream’s state folded up to a version and stored beside the log, so loading the aggregate folds only the events after it. It is an optimisation of event sourcing, not a source of truth: it holds nothing the log does not, so it can be dropped at any time, and one taken in an older shape can be upcast or, as here, thrown away and taken again from the events.',
      inProduction:
        'Axon snapshots an aggregate once more than N events had to be loaded, and can skip snapshots whose revision differs from the aggregate’s; Marten can keep an aggregate’s snapshot as a document, updated in the append’s transaction; KurrentDB has no snapshot feature of its own, so an application writes them itself, for example to a stream of their own beside the aggregate’s. A short stream (one per order, not one per customer for ever) may need none.',
    },
  },
  {
    ...infoOf('upcasting'),
    text: [
      `The shop starts selling to customers in the euro area. Its ${String(orders)} orders so far were all in pounds (${HOME_CURRENCY}), and their OrderPlaced events do not say so: revision 1 of the event has no currency. Revision 2 adds one, and ships with a new view, Sales by currency, which needs it.`,
      'An event in the log is a fact as it was recorded, in the shape the code of its day gave it. Code that reads the log from #1, such as a new view, a rebuild or time travel, meets the oldest events first, and so does every load of an aggregate whose stream is old.',
      'Keeping every event for good is what event sourcing asks. A system that stores only its current state changes the shape of its rows once, in a migration, and has no old shapes left to read, except in messages still in flight.',
    ],
    task: 'Ship OrderPlaced revision 2 and place an order in euros. Build Sales by currency without the upcaster, then with it, and compare #1 as stored with what the view reads.',
    highlight: [VERSIONING.ship, VERSIONING.place, VERSIONING.buildPlain, VERSIONING.buildUpcast],
    workbench: 'versioning',
    demo: DEMO_VERSIONING,
    scenario: { domain: 'shop', history: storyStart('upcasting'), playing: true },
    prediction: {
      question:
        'Sales by currency reads every OrderPlaced in revision 2’s shape, and checks it. Built from #1 with no other help, what does it do at #1, an order placed before revision 2?',
      choices: [
        'It skips #1 and every order like it, and counts the orders that name a currency',
        'It counts #1 under a blank currency: the field is simply missing',
        'It stops at #1: the event has no currency, and the view will not count an order without one',
      ],
      answer: 2,
      because: `Shipping code changes no stored event: #1 is revision 1 for good. The view’s handler checks what it reads against revision 2, so it stops at #1 with its checkpoint before it, rather than count an order under no currency; skipping would quietly leave out all ${String(orders)} orders from before revision 2. An upcaster, a function from revision 1 to revision 2 run as each event is read, fills in the currency the shop sold in then (${HOME_CURRENCY}), so the view reads every event in one shape.`,
      howToSee: `${VERSIONING.buildPlain}.`,
      revealWhen: once(
        'Sales by currency stopped at an event of revision 1',
        reported('upcast:stopped'),
      ),
    },
    check: once(
      'An order of revision 2 was placed; Sales by currency stopped at a revision-1 event without the upcaster, and read both revisions up to the head through it',
      reported('upcast:placed', 'upcast:stopped', 'upcast:built'),
    ),
    takeaway: {
      text: 'A stored event keeps the shape it was written in, so code that reads the log from the start must read every revision the log holds. An upcaster lifts old events to today’s shape as they are read: the stored facts stay as they were, and each projection and each aggregate’s fold is written against one shape.',
      inProduction:
        'Axon chains upcasters keyed on an event’s type and revision, the revision coming from an annotation on the event class; Marten registers upcasters that turn an old event’s JSON into the new type as events are read; KurrentDB stores each event’s type and data as written, and the client code that reads them upcasts. Some teams instead copy a stream into a new one in the new shape, or add only optional fields, so that old events need no change and readers tolerate their absence.',
    },
  },
  {
    ...infoOf('blue-green'),
    text: [
      'The owner wants Stock levels to show how many units of each product have been sold over its life. The rows Stock levels keeps cannot say: the number has to be counted again from the log’s first event, by version 2 of its projection.',
      'A view can be built again from #1 because the log keeps every event: that comes from keeping an event log, not from CQRS. Rebuilt in place, the view is emptied first, and here each view answers one thing at a time, so a query asked meanwhile waits for the rebuild, rather than read a half-built view.',
    ],
    task: 'Rebuild Stock levels in place and ask about SKU-1 while it runs. Then build version 2 beside version 1, ask again while it is built, cut over to version 2 once it has caught up, and drop version 1.',
    highlight: [
      BLUE_GREEN.inPlace,
      BLUE_GREEN.ask,
      BLUE_GREEN.beside,
      BLUE_GREEN.cutOver,
      BLUE_GREEN.drop,
    ],
    workbench: 'blue-green',
    demo: DEMO_BLUE_GREEN,
    scenario: { domain: 'shop', history: storyStart('blue-green'), playing: true },
    prediction: {
      question:
        'Version 2 of Stock levels is being built from #1 in a store of its own, and is a third of the way through. A customer asks Stock levels about SKU-1. What happens?',
      choices: [
        'The question waits until version 2 has caught up, so that the answer has the units sold',
        'Version 1 answers at once, from its own store, as fresh as it would be without the build',
        'Version 2 answers with the third of the history it has read so far',
      ],
      answer: 1,
      because:
        'Version 1 keeps its store and its checkpoint, and the build writes only version 2’s store, so nothing version 1 answers from is touched. Queries go to version 1 until the cut-over, which waits until version 2 has caught up with the log; then version 1 can be dropped.',
      howToSee: `${BLUE_GREEN.beside}, and ask about SKU-1 while it is built.`,
      revealWhen: once(
        'Version 1 answered while version 2 was being built',
        reported('bluegreen:answered-while-building'),
      ),
    },
    check: once(
      'A query waited for a rebuild in place; version 1 answered while version 2 was built beside it; queries cut over to version 2 once it had caught up, and version 1 was dropped',
      reported(
        'bluegreen:waited',
        'bluegreen:answered-while-building',
        'bluegreen:cut-over',
        'bluegreen:dropped',
      ),
    ),
    takeaway: {
      text: 'A rebuild in place empties the view its queries read, so they wait, or read a half-built view, until it ends. Built beside the old version in a store of its own, the new one catches up while the old keeps answering; queries switch once it has caught up, and the old store is dropped.',
      inProduction:
        'Marten’s async daemon and Axon’s tracking processors can replay a projection from the start of the log; run under a new name and writing new tables, the new version catches up while the old one answers, and readers switch with a configuration change, a database view or an index alias. A KurrentDB catch-up subscription from the start of the log fills a new store the same way. In a plain SQL database without a log, a new read table is filled by a migration instead.',
    },
  },
  {
    ...infoOf('process-manager'),
    text: [
      'So far one command placed an order and reserved its stock in one decision. Here the order, the stock of SKU-1 and the order’s payment are separate aggregates, separate consistency boundaries: each decides alone, so an order can be accepted and then find no stock, or no payment.',
      'A process manager, often called a saga, joins them: it reacts to each aggregate’s events with a command to the next, and when a step fails it sends commands that undo the earlier ones, such as releasing the stock (compensation). Like a projection it reads the log from a checkpoint; unlike one, what it produces is commands.',
    ],
    task: 'Place an order, and kill the process manager while ReserveStock’s answer is not saved yet; once the watchdog has restarted it, pay the order. Then place another, and move the clock on until its payment runs out.',
    highlight: [FULFILMENT.place, FULFILMENT.kill, FULFILMENT.clock],
    workbench: 'process-manager',
    demo: DEMO_PROCESS_MANAGER,
    scenario: { domain: 'shop', history: storyStart('process-manager'), playing: true },
    prediction: {
      question:
        'The process manager sends ReserveStock for an order; the stock is reserved and the write model answers, but the manager is killed before it has saved that answer. The watchdog starts it again from what it saved. What becomes of ReserveStock?',
      choices: [
        'It is lost: the restarted manager goes on after it, and the order waits for ever',
        'It is sent again, and the stock appends a second reservation for the order',
        'It is sent again under the same id, and the write model, knowing the id, reserves nothing more',
      ],
      answer: 2,
      because:
        'The manager saves its outbox with its state, so the restarted one finds ReserveStock not yet acknowledged and sends it again, under the id it took from the order and the step. The write model finds that id on the events the first ReserveStock appended and answers “already handled” without reserving again. Sending at least once is safe only because the receiver is idempotent.',
      howToSee: 'Place an order, then kill the process manager while an answer is not saved yet.',
      revealWhen: once(
        'A command was sent again after a restart and applied once',
        reported('pm:resent'),
      ),
    },
    check: once(
      'A command sent again after a restart was applied once; a paid order ended confirmed with its stock held, and an unpaid one cancelled with its stock released',
      reported('pm:resent', 'pm:confirmed', 'pm:compensated'),
    ),
    takeaway: {
      text: 'A process manager carries one business process across aggregates that each decide alone: it reacts to their events with commands, and compensates a failed step with commands that undo the earlier ones. Its state, checkpoint and outbox are saved together and its commands keep their ids, so after a crash it sends again what it may already have sent, and the write model applies each command once.',
      inProduction:
        'Axon stores a saga’s state and routes events to it by an association value, with deadlines for timeouts; Wolverine can keep a saga’s state as a Marten document, saved in the same transaction as the messages it sends (its outbox); with KurrentDB a process manager is an application’s subscriber that keeps its own checkpoint and state. In a Kafka-based pipeline it is a consumer that commits its offset, its state and the commands it sends in one Kafka transaction, or keeps all three in its own database and relays the commands from an outbox.',
    },
  },
  {
    ...infoOf('consistency-boundaries'),
    text: [
      `A sale: ${String(WORKLOAD.desks * WORKLOAD.ordersPerDesk)} customers order a Blue mug (SKU-1) within a second, through ${String(WORKLOAD.desks)} order desks at once, as ${String(WORKLOAD.desks)} servers would take them, and ${String(WORKLOAD.stock)} are in stock. Elsewhere in the shop one command places an order and reserves its stock in one decision; chapter 15 made them separate aggregates. Here the same orders run both ways.`,
      'A consistency boundary is the state one command decides on atomically. Drawn around the order and its stock, every order decides on the stock’s one stream, and appends with the version it read. Drawn between them, each order decides on a stream of its own, and the stock decides on its own stream.',
    ],
    task: 'Run the orders with the order and the stock together, then with them apart, and compare what the desks saw and what happened afterwards.',
    highlight: [BOUNDARY.run.together, BOUNDARY.run.apart],
    workbench: 'boundaries',
    demo: DEMO_BOUNDARIES,
    scenario: { domain: 'shop', history: storyStart('consistency-boundaries'), playing: true },
    prediction: {
      question: `With the order and the stock apart, ${String(WORKLOAD.desks * WORKLOAD.ordersPerDesk)} orders of one mug arrive for ${String(WORKLOAD.stock)} in stock. What becomes of the ${String(WORKLOAD.desks * WORKLOAD.ordersPerDesk - WORKLOAD.stock)} orders with no mug behind them?`,
      choices: [
        'They are refused at the desk, as when the order and the stock are decided together',
        'They are accepted, and cancelled a little later, when the stock will not reserve for them',
        'They are accepted and reserved: with nothing to check it, the stock goes below zero',
      ],
      answer: 1,
      because: `An order decided on its own stream cannot see the stock, so the desks accept all ${String(WORKLOAD.desks * WORKLOAD.ordersPerDesk)}. The process manager then asks the stock to reserve a mug for each; the stock aggregate still keeps its own rule, so it refuses the last ${String(WORKLOAD.desks * WORKLOAD.ordersPerDesk - WORKLOAD.stock)}, and the process manager cancels those orders. Until then the order and the stock disagree: the customer was told yes first.`,
      howToSee: `${BOUNDARY.run.apart}.`,
      revealWhen: once(
        'Orders accepted with no stock behind them were cancelled afterwards',
        reported('boundary:apart'),
      ),
    },
    check: once(
      'Together, orders with no stock were refused at the desk; apart, every order was accepted, and those with no stock were cancelled after the stock refused them',
      reported('boundary:together', 'boundary:apart'),
    ),
    takeaway: {
      text: 'Where the boundary goes decides who waits and who is told no. Around the order and its stock, the two never disagree, but every order contends for one stream and desks retry; between them, orders never contend, but one can be accepted and cancelled later, and a process has to compensate.',
      inProduction:
        'KurrentDB and Marten check an append’s expected version for each stream, so a hot stream, such as one product’s stock, makes its writers retry; Axon detects two writers of one aggregate by the sequence numbers of its events, and a plain SQL database by a row lock or a version column. Teams keep boundaries small, split a hot one (stock per warehouse, or in batches), and accept a cancellation after a yes where the business can.',
    },
  },
  {
    ...infoOf('outbox'),
    text: [
      'The shop now has a warehouse: a separate service, with a database of its own, that learns of each order from a message. The orders service here keeps its orders as rows in its own database (current state, no event log), so each order takes two writes: the row in its database and the message to the warehouse. No transaction spans the two.',
      'Elsewhere in this lab the event-sourced views get each event on the bus only after its append has committed, and a view that missed one reads it from the log by its checkpoint. There, the log plays the outbox’s part: a view can hear of an event late, but never of one that was not stored. The two writes come back wherever a service saves in one place and publishes to another: a write model that keeps state in place and sends its views messages, or an event-sourced service that appends and then also publishes to a broker, and treats the broker, not its log, as what others rely on.',
    ],
    task: `Tell the orders service to crash after its first step and place an order, first with “${OUTBOX.ways['write-then-publish']}”, then with “${OUTBOX.ways['publish-then-write']}”. Then choose “${OUTBOX.ways.outbox}”, tell the relay to crash after it publishes, and place an order.`,
    highlight: [
      OUTBOX.ways['write-then-publish'],
      OUTBOX.ways['publish-then-write'],
      OUTBOX.ways.outbox,
      OUTBOX.crashService,
      OUTBOX.crashRelay,
      OUTBOX.place,
    ],
    workbench: 'outbox',
    demo: DEMO_OUTBOX,
    scenario: { domain: 'shop', history: storyStart('outbox'), playing: true },
    prediction: {
      question:
        'The orders service saves an order in its database, then crashes before it publishes the order’s message. The watchdog starts it again. What does the warehouse learn of the order?',
      choices: [
        'It hears of it late: the restarted service publishes the message it had not sent',
        'Nothing, and the orders database loses the order too: the crash undoes the save',
        'Nothing, ever: the order stays saved, and nothing left behind says a message is owed',
      ],
      answer: 2,
      because:
        'The save had committed before the crash, so the row stays. The message existed only in the memory of the worker that crashed, and nothing the restarted service reads says one is owed, so the warehouse never hears of the order: the two services disagree for good. An outbox saves the message as a row in the order’s own transaction, so it exists exactly when the order does, and a relay publishes it afterwards.',
      howToSee: `Choose “${OUTBOX.ways['write-then-publish']}”, tick “${OUTBOX.crashService}”, and place an order.`,
      revealWhen: once('An order was saved and its message lost', reported('outbox:lost')),
    },
    check: once(
      'An order was saved and its message lost; the warehouse picked an order that was never saved; through the outbox, a message the relay published twice was applied once',
      reported('outbox:lost', 'outbox:phantom', 'outbox:twice'),
    ),
    takeaway: {
      text: 'Saving a change and publishing a message about it are two writes, and a crash between them loses the message or publishes one about a change that never happened. An outbox saves the message in the change’s own transaction and a relay publishes it afterwards, at least once, so the receiver must apply each message once, by its id.',
      inProduction:
        'With a plain SQL database the outbox is a table written in the business transaction, and a relay polls it, or change data capture, such as a Debezium connector, reads the table’s inserts from the database’s own log, and its outbox event router sends each to a Kafka topic named for its aggregate type. Kafka’s transactions make writes to several topics, and a consumer’s offsets, atomic, but cannot include a database’s own transaction, so they do not replace the outbox; a consumer that writes to a database of its own still skips messages it has applied, or saves its offset in that database’s transaction. Subscribers to KurrentDB, Marten’s async daemon and Axon’s tracking processors read the event store itself, so a view fed that way has no second write to split; a subscriber that forwards events to a broker has one again. This lab’s design “CQRS, views updated after commit” feeds its views from an outbox.',
    },
  },
];

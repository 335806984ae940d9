// Chapters 12 on: what running an event-sourced system asks of its team as its log grows.
import { once, reported } from '../checks';
import { press, reportedAgain } from '../demo';
import { SNAPSHOT_EVERY, SNAPSHOT_LABELS as LABELS } from '../snapshotBench';
import type { Chapter, DemoStep } from '../types';
import { LONG_ACCOUNT, storyStart } from './story';

const { accountId, owner, version } = LONG_ACCOUNT;
const count = (n: number) => n.toLocaleString('en-GB');
/** The newest snapshot the bench takes, and the events a load from it folds. */
const newest = Math.floor(version / SNAPSHOT_EVERY) * SNAPSHOT_EVERY;
const after = version - newest;

const step = (says: string, control: string, activity: string): DemoStep => ({
  says,
  acts: [press(control, 'Snapshots')],
  until: reportedAgain(activity),
});

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

export const PRODUCTION: readonly Chapter[] = [
  {
    id: 'snapshots',
    number: 12,
    title: 'Snapshots',
    goal: 'After this chapter you can explain what a snapshot of an aggregate is, what work it spares the write model before a command is decided, and why it can always be thrown away.',
    text: [
      `The bank keeps ${owner.toLowerCase()}’s account, ${accountId}, which has had ${count(version - 1)} deposits and withdrawals since it was opened. Before the bank’s write model decides a command on ${accountId}, such as a withdrawal, it must know the balance, and with event sourcing that means folding the account’s stream, event by event, from the opening on. If the write model loads the account afresh for each command, every command waits for that fold, and a longer stream means a longer fold.`,
      `A snapshot is the state of one stream folded up to a version and stored beside the log: ${accountId} as it stood at version ${count(SNAPSHOT_EVERY)}, say, together with that version. It holds nothing the log does not.`,
      'The state’s shape is code, and code changes: a new version of the write model may keep something the old one did not. Snapshots are written in the shape of the code that took them.',
    ],
    task: `Load ${accountId} by folding every event, take a snapshot every ${count(SNAPSHOT_EVERY)} events, and load ${accountId} from its snapshot. Then ship state shape 2 and load from the snapshot again.`,
    highlight: [LABELS.loadAll, LABELS.take, LABELS.loadFromSnapshot, LABELS.shipShape],
    parts: ['Account balances', 'Event log'],
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
];

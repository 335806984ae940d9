// Chapter 11's exercise: three systems the shop wants, a design to pick for each, and why each
// design fits it or not, said in terms of what that system needs.
import type { DesignId } from '../statemodel/designs';

export type DesignPick = {
  id: string;
  /** The system as a question names it: "the staff list". */
  name: string;
  /** The system and what it needs, in two sentences. */
  situation: string;
  best: DesignId;
  /** Why each design fits or not: shown once the learner has picked it. */
  reasons: Record<DesignId, string>;
};

export const DESIGN_PICKS: readonly DesignPick[] = [
  {
    id: 'staff',
    name: 'the staff list',
    situation:
      'A staff list: three people edit it a few times a week, and every screen shows the rows as they are stored. Whoever saves a change expects to see it on the next screen.',
    best: 'one-model',
    reasons: {
      'one-model':
        'Right: reads and writes need the same shape here, so one table read as it is written does the job, and every read sees the last write.',
      'same-transaction':
        'It would work, with no lag, but the read table would repeat the rows it is built from: a second model and the code that keeps it, with no reading need to pay for them.',
      'after-commit':
        'A second model, an outbox and a relay for three people, and a window in which someone does not see the change they just saved: cost without a return.',
      'event-sourced':
        'Nobody asked for the history: a log that keeps growing, old events that must stay readable, and views that lag, for a list a single table holds.',
    },
  },
  {
    id: 'catalogue',
    name: 'the product catalogue',
    situation:
      'A product catalogue: 50,000 products searched by words, with ranking and typo tolerance, in a search engine apart from the product database, while prices change a few times a day. A search may show a new price a few seconds late, but saving a price must stay quick.',
    best: 'after-commit',
    reasons: {
      'one-model':
        'A full-text index on the product rows would serve this size well enough, in one database. But this search lives in a search engine of its own, which no write to the product database can update in its own transaction: that is a second model, kept in step from outside.',
      'same-transaction':
        'Every price change would also update the search index inside its transaction, so each save waits for the index, and the index must live in the write’s own store. Nothing here needs the search to be current at once.',
      'after-commit':
        'Right: the search index is a read model of its own, updated after the commit, so saving a price stays quick; a search may lag by the staleness window, which this catalogue accepts.',
      'event-sourced':
        'It would work, and the views would be the same, but nothing here needs the history: the log and its old events are cost without a return. An outbox feeds the index as well.',
    },
  },
  {
    id: 'ledger',
    name: 'the ledger',
    situation:
      'A ledger for the shop’s money: auditors ask for any past balance and how it was reached, entry by entry. A customer’s balance screen must show a payment as soon as it is acknowledged.',
    best: 'event-sourced',
    reasons: {
      'one-model':
        'As built here, each payment overwrites the balance, so a past balance is lost. Keeping every entry as a row that is never changed is keeping the events, which is what the event-sourced design does.',
      'same-transaction':
        'Balances would always be current, but as built here the state is overwritten in place: a past balance, and the entries that led to it, are not kept unless every entry is kept too, which is keeping the events.',
      'after-commit':
        'The outbox is emptied once relayed, so it is no history either: a past balance, and how it was reached, is lost.',
      'event-sourced':
        'Right: every entry is kept as an event and balances are derived from them, so any past balance can be recomputed and explained. One change: this lab updates this design’s view after the commit, so the balance screen should read the account’s own stream, or a view kept in the append’s transaction (chapter 5); the after-commit view can serve the auditors’ reports.',
    },
  },
];

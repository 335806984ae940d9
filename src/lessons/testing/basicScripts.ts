// How the learner plays each basic chapter (1–5), and near misses its check must tell apart.
import { FIRST_PRICE_CHANGE } from '../chapters/story';
import { event } from './observation';
import {
  answer,
  appending,
  delivering,
  did,
  everyNearMissHidden,
  next,
  orderAt,
  query,
  READY,
  ready,
  snapshot,
  storyLog,
  views,
  written,
  type Script,
  type Scripts,
} from './script';

const commandsAndQueries = (): Script => {
  const start = ready(storyLog('commands-and-queries'));
  const h = start.head;
  const order = orderAt(h + 1, 'ORD-A');
  const ordered = next(start, {
    ...appending(start, ...order),
    ...delivering(start, ...written(1400)),
    views: views(h + 2),
  });
  const askedFirst = next(start, delivering(start, answer('Stock levels', 1100, h, h)));
  return {
    start,
    task: [
      ordered,
      next(
        ordered,
        delivering(
          ordered,
          query('Stock levels', 1500),
          answer('Stock levels', 1600, h + 2, h + 2),
        ),
      ),
    ],
    nearMisses: {
      'Stock levels answered before the order was placed': [
        start,
        askedFirst,
        next(askedFirst, { ...appending(askedFirst, ...order), views: views(h + 2) }),
      ],
      'another view answered after the order': [
        start,
        ordered,
        next(ordered, delivering(ordered, answer('Order status', 1600, h + 2, h + 2))),
      ],
      'Stock levels answered, but no order was placed': [start, askedFirst],
    },
    hidden: ['another view answered after the order'],
  };
};

const eventsAreFacts = (): Script => {
  const start = ready(storyLog('events-are-facts'));
  const h = start.head;
  const earlier = FIRST_PRICE_CHANGE;
  const restocked = h;
  const changed = next(start, {
    ...appending(start, event(h + 1, 'PriceChanged', 'product-SKU-1')),
    views: views(h + 1),
  });
  const added = next(changed, appending(changed, event(h + 2, 'ProductAdded', 'product-SKU-9')));
  return {
    start,
    task: [changed, next(changed, { selectedEvent: earlier })],
    nearMisses: {
      'an event of product-SKU-1 selected, but no price changed': [
        start,
        next(start, { selectedEvent: earlier }),
      ],
      'an event of another stream selected': [
        start,
        changed,
        added,
        next(added, { selectedEvent: h + 2 }),
      ],
      'a position that is not in the log selected': [
        start,
        changed,
        next(changed, { selectedEvent: 99 }),
      ],
      'the new PriceChanged selected, not the earlier one': [
        start,
        changed,
        next(changed, { selectedEvent: h + 1 }),
      ],
      'another event of product-SKU-1 selected (the restock)': [
        start,
        changed,
        next(changed, { selectedEvent: restocked }),
      ],
      'the earlier PriceChanged selected before any new price': [
        start,
        next(start, { selectedEvent: earlier }),
        next(start, { selectedEvent: earlier }),
      ],
    },
    hidden: ['an event of product-SKU-1 selected, but no price changed'],
  };
};

const projections = (): Script => {
  const log = storyLog('projections');
  const h = log.length;
  const start = ready(log);
  const stock = next(start, delivering(start, answer('Stock levels', 1200, h, h)));
  const askedEarlier = ready(log, {
    delivered: [answer('Order status', 900, h, h), ...written(READY)],
  });
  return {
    start,
    task: [stock, next(stock, delivering(stock, answer('Product search', 1400, h, h, 'text')))],
    nearMisses: {
      'two views each asked about one key, no word searched': [
        start,
        stock,
        next(stock, delivering(stock, answer('Order status', 1400, h, h))),
      ],
      'a word searched, but no other view asked': [
        start,
        next(start, delivering(start, answer('Product search', 1400, h, h, 'text'))),
      ],
      'Product search asked for all its rows, not searched': [
        start,
        stock,
        next(stock, delivering(stock, answer('Product search', 1400, h, h, 'all'))),
      ],
      'two answers from the same view': [
        start,
        stock,
        next(stock, delivering(stock, answer('Stock levels', 1400, h, h))),
      ],
      'a question to a second view not answered yet': [
        start,
        stock,
        next(stock, delivering(stock, query('Product search', 1300))),
      ],
      'the other answer came before the chapter started': [
        askedEarlier,
        next(askedEarlier, delivering(askedEarlier, answer('Stock levels', 1200, h, h))),
      ],
    },
    hidden: [
      'two answers from the same view',
      'a question to a second view not answered yet',
      'the other answer came before the chapter started',
    ],
  };
};

const staleRead = (): Script => {
  const start = ready(storyLog('stale-read'));
  const h = start.head;
  const appended = next(start, {
    ...appending(start, ...orderAt(h + 1, 'ORD-4')),
    ...delivering(start, { kind: 'command', from: 'UI', to: 'Write model', deliveredAt: 1100 }),
    views: views(h + 2, { 'Stock levels': snapshot('running', h) }),
  });
  const asked = next(appended, delivering(appended, query('Stock levels', 2600)));
  const caughtUp = next(appended, {
    ...delivering(appended, {
      kind: 'events',
      from: 'Write model',
      to: 'Stock levels',
      deliveredAt: 2600,
    }),
    views: views(h + 2),
  });
  return everyNearMissHidden({
    start,
    task: [asked, next(asked, delivering(asked, answer('Stock levels', 2700, h, h + 2)))],
    nearMisses: {
      'a fresh answer, once Stock levels had caught up': [
        start,
        appended,
        caughtUp,
        next(caughtUp, delivering(caughtUp, answer('Stock levels', 4200, h + 2, h + 2))),
      ],
      'an answer before the order was appended': [
        start,
        next(start, delivering(start, answer('Stock levels', 1100, h, h))),
      ],
      'a stale answer from another view': [
        start,
        appended,
        next(appended, delivering(appended, answer('Order status', 1300, h, h + 2))),
      ],
    },
  });
};

const readYourWrites = (): Script => {
  const start = ready([
    event(1, 'AccountOpened', 'account-ACC-1'),
    event(2, 'AccountOpened', 'account-ACC-2'),
    event(3, 'MoneyDeposited', 'account-ACC-1'),
    event(4, 'MoneyDeposited', 'account-ACC-2'),
  ]);
  const plainStale = did(start, 'ryw:plain:stale');
  const rest = ['ryw:wait:fresh', 'ryw:write-model:fresh', 'ryw:inline:fresh'];
  const three = did(plainStale, ...rest);
  return {
    start,
    task: [plainStale, three, did(three, 'ryw:optimistic:stale')],
    nearMisses: {
      'every strategy tried, but the plain read was never stale': [
        start,
        did(start, 'ryw:plain:fresh', ...rest, 'ryw:optimistic:fresh'),
      ],
      'a stale plain read, and only three strategies tried': [start, plainStale, three],
      // A refused transfer shows no balance: pressing Try is not seeing the strategy work.
      'a stale plain read, then the optimistic UI only ever refused': [
        start,
        plainStale,
        three,
        did(three, 'ryw:optimistic:refused'),
      ],
      'the four strategies tried, without the plain read': [
        start,
        did(start, ...rest, 'ryw:optimistic:fresh'),
      ],
    },
    hidden: ['the four strategies tried, without the plain read'],
  };
};

export const BASIC_SCRIPTS: Scripts = {
  'commands-and-queries': commandsAndQueries,
  'events-are-facts': eventsAreFacts,
  projections,
  'stale-read': staleRead,
  'read-your-writes': readYourWrites,
};

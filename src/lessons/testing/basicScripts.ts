// How the learner plays each basic chapter (1–5), and near misses its check must tell apart.
import { event } from './observation';
import {
  answer,
  appending,
  delivering,
  did,
  everyNearMissHidden,
  firstOrder,
  next,
  query,
  READY,
  ready,
  snapshot,
  twoProducts,
  views,
  written,
  type Script,
  type Scripts,
} from './script';

const commandsAndQueries = (): Script => {
  const start = ready(twoProducts());
  const order = firstOrder();
  const ordered = next(start, {
    ...appending(start, ...order),
    ...delivering(start, ...written(1400)),
    views: views(4),
  });
  const askedFirst = next(start, delivering(start, answer('Stock levels', 1100, 2, 2)));
  return {
    start,
    task: [
      ordered,
      next(
        ordered,
        delivering(ordered, query('Stock levels', 1500), answer('Stock levels', 1600, 4, 4)),
      ),
    ],
    nearMisses: {
      'Stock levels answered before the order was placed': [
        start,
        askedFirst,
        next(askedFirst, { ...appending(askedFirst, ...order), views: views(4) }),
      ],
      'another view answered after the order': [
        start,
        ordered,
        next(ordered, delivering(ordered, answer('Order status', 1600, 4, 4))),
      ],
      'Stock levels answered, but no order was placed': [start, askedFirst],
    },
    hidden: ['another view answered after the order'],
  };
};

const eventsAreFacts = (): Script => {
  const start = ready([
    event(1, 'ProductAdded', 'product-SKU-1'),
    event(2, 'PriceChanged', 'product-SKU-1'),
    event(3, 'ProductRestocked', 'product-SKU-1'),
  ]);
  const changed = next(start, {
    ...appending(start, event(4, 'PriceChanged', 'product-SKU-1')),
    views: views(4),
  });
  const added = next(changed, appending(changed, event(5, 'ProductAdded', 'product-SKU-2')));
  return {
    start,
    task: [changed, next(changed, { selectedEvent: 2 })],
    nearMisses: {
      'an event of product-SKU-1 selected, but no price changed': [
        start,
        next(start, { selectedEvent: 2 }),
      ],
      'an event of another stream selected': [
        start,
        changed,
        added,
        next(added, { selectedEvent: 5 }),
      ],
      'a position that is not in the log selected': [
        start,
        changed,
        next(changed, { selectedEvent: 99 }),
      ],
      'the new PriceChanged selected, not the earlier one': [
        start,
        changed,
        next(changed, { selectedEvent: 4 }),
      ],
      'another event of product-SKU-1 selected (the restock)': [
        start,
        changed,
        next(changed, { selectedEvent: 3 }),
      ],
      'the earlier PriceChanged selected before any new price': [
        start,
        next(start, { selectedEvent: 2 }),
        next(start, { selectedEvent: 2 }),
      ],
    },
    hidden: ['an event of product-SKU-1 selected, but no price changed'],
  };
};

const projections = (): Script => {
  const log = [
    event(1, 'ProductAdded', 'product-SKU-1'),
    event(2, 'ProductAdded', 'product-SKU-2'),
    event(3, 'ProductAdded', 'product-SKU-3'),
    event(4, 'OrderPlaced', 'order-ORD-1'),
    event(5, 'StockReserved', 'product-SKU-1'),
    event(6, 'OrderPlaced', 'order-ORD-2'),
    event(7, 'StockReserved', 'product-SKU-2'),
    event(8, 'StockReserved', 'product-SKU-3'),
    event(9, 'OrderPaid', 'order-ORD-1'),
  ];
  const start = ready(log);
  const stock = next(start, delivering(start, answer('Stock levels', 1200, 9, 9)));
  const askedEarlier = ready(log, {
    delivered: [answer('Order status', 900, 9, 9), ...written(READY)],
  });
  return {
    start,
    task: [stock, next(stock, delivering(stock, answer('Product search', 1400, 9, 9, 'text')))],
    nearMisses: {
      'two views each asked about one key, no word searched': [
        start,
        stock,
        next(stock, delivering(stock, answer('Order status', 1400, 9, 9))),
      ],
      'a word searched, but no other view asked': [
        start,
        next(start, delivering(start, answer('Product search', 1400, 9, 9, 'text'))),
      ],
      'Product search asked for all its rows, not searched': [
        start,
        stock,
        next(stock, delivering(stock, answer('Product search', 1400, 9, 9, 'all'))),
      ],
      'two answers from the same view': [
        start,
        stock,
        next(stock, delivering(stock, answer('Stock levels', 1400, 9, 9))),
      ],
      'a question to a second view not answered yet': [
        start,
        stock,
        next(stock, delivering(stock, query('Product search', 1300))),
      ],
      'the other answer came before the chapter started': [
        askedEarlier,
        next(askedEarlier, delivering(askedEarlier, answer('Stock levels', 1200, 9, 9))),
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
  const start = ready([event(1, 'ProductAdded', 'product-SKU-1')]);
  const appended = next(start, {
    ...appending(
      start,
      event(2, 'OrderPlaced', 'order-ORD-1'),
      event(3, 'StockReserved', 'product-SKU-1'),
    ),
    ...delivering(start, { kind: 'command', from: 'UI', to: 'Write model', deliveredAt: 1100 }),
    views: views(3, { 'Stock levels': snapshot('running', 1) }),
  });
  const asked = next(appended, delivering(appended, query('Stock levels', 2600)));
  const caughtUp = next(appended, {
    ...delivering(appended, {
      kind: 'events',
      from: 'Write model',
      to: 'Stock levels',
      deliveredAt: 2600,
    }),
    views: views(3),
  });
  return everyNearMissHidden({
    start,
    task: [asked, next(asked, delivering(asked, answer('Stock levels', 2700, 1, 3)))],
    nearMisses: {
      'a fresh answer, once Stock levels had caught up': [
        start,
        appended,
        caughtUp,
        next(caughtUp, delivering(caughtUp, answer('Stock levels', 4200, 3, 3))),
      ],
      'an answer before the order was appended': [
        start,
        next(start, delivering(start, answer('Stock levels', 1100, 1, 1))),
      ],
      'a stale answer from another view': [
        start,
        appended,
        next(appended, delivering(appended, answer('Order status', 1300, 1, 3))),
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

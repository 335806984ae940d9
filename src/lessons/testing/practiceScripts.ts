// How the learner plays each practice chapter (6–11), and near misses its check must tell apart.
import type { Observation, ViewSnapshot } from '../types';
import { event } from './observation';
import {
  appending,
  did,
  everyNearMissHidden,
  firstOrder,
  next,
  ready,
  snapshot,
  twoProducts,
  views,
  type Script,
  type Scripts,
} from './script';

const optimisticConcurrency = (): Script => {
  const start = ready([event(1, 'ProductAdded', 'product-SKU-1')]);
  const sold = next(start, {
    ...appending(start, event(2, 'OrderPlaced', 'order-ORD-A'), event(3, 'StockReserved')),
    activity: ['sold'],
  });
  return {
    start,
    task: [
      sold,
      next(sold, { activity: ['sold', 'refused-stale'] }),
      next(sold, { activity: ['sold', 'refused-stale', 'refused-false-conflict'] }),
    ],
    nearMisses: {
      'only one clerk sold': [start, sold],
      'refused for a stale read, but no false conflict seen': [
        start,
        sold,
        next(sold, { activity: ['sold', 'refused-stale'] }),
      ],
      'a false conflict before any stale-read refusal': [
        start,
        next(start, { activity: ['refused-false-conflict'] }),
        next(start, { activity: ['refused-false-conflict', 'sold'] }),
      ],
      'the second clerk was refused by the stock rule, not for a stale read': [
        start,
        sold,
        next(sold, { activity: ['sold', 'refused'] }),
      ],
    },
    // A stale-read refusal is what reveals the prediction; the near miss that has one reveals it.
    hidden: [
      'only one clerk sold',
      'the second clerk was refused by the stock rule, not for a stale read',
      'a false conflict before any stale-read refusal',
    ],
  };
};

const rebuild = (): Script => {
  const log = Array.from({ length: 400 }, (_, i) =>
    event(i + 1, 'ProductAdded', `product-SKU-${i + 1}`),
  );
  const search = (view: ViewSnapshot) => views(400, { 'Product search': view });
  const start = ready(log, { views: search(snapshot('paused', 0)) });
  const rebuilding = next(start, { views: search(snapshot('rebuilding', 150)) });
  const script = everyNearMissHidden({
    start,
    task: [
      rebuilding,
      next(start, { views: search(snapshot('paused', 400, 400)) }),
      next(start, { views: search(snapshot('running', 400, 400)) }),
    ],
    nearMisses: {
      // Seen: the chapter ticked done before its last step, Resume.
      'rebuilt but never resumed': [
        start,
        rebuilding,
        next(start, { views: search(snapshot('paused', 400, 400)) }),
      ],
      'resumed without a rebuild, catching up from #0': [
        start,
        next(start, { views: search(snapshot('running', 150)) }),
        next(start, { views: search(snapshot('running', 400)) }),
      ],
      'a rebuild that ended behind the head, written to meanwhile': [
        start,
        rebuilding,
        next(start, {
          ...appending(start, event(401, 'ProductAdded', 'product-SKU-401')),
          views: search(snapshot('paused', 400, 400)),
        }),
      ],
      'a rebuild still under way': [
        start,
        rebuilding,
        next(start, { views: search(snapshot('rebuilding', 399)) }),
      ],
      'another view rebuilt': [
        start,
        next(start, {
          views: views(400, {
            'Product search': snapshot('paused', 0),
            'Stock levels': snapshot('running', 400, 400),
          }),
        }),
      ],
    },
  });
  // The rebuild itself is what the prediction was about: it is revealed before Resume.
  return {
    ...script,
    hidden: script.hidden.filter((name) => name !== 'rebuilt but never resumed'),
  };
};

const failureAndCatchUp = (): Script => {
  const start = ready(twoProducts());
  const order = firstOrder();
  const stock = (view: ViewSnapshot, checkpoint: number) =>
    views(checkpoint, { 'Stock levels': view });
  const killed = next(start, { views: stock(snapshot('stopped', 2), 2) });
  const missed = next(killed, {
    ...appending(killed, ...order),
    views: stock(snapshot('stopped', 2), 4),
  });
  const restarting = next(missed, { views: stock(snapshot('starting', 2), 4) });
  const orderedLive = (from: Observation) =>
    next(from, { ...appending(from, ...order), views: views(4) });
  const restartedEarly = next(killed, { views: views(2) });
  const otherKilled = next(start, { views: views(2, { 'Order status': snapshot('stopped', 2) }) });
  const caught = next(restarting, { views: views(4) });
  /** The view, with its duplicate check off, applied the two order events a second time. */
  const doubled = (from: Observation) =>
    next(from, {
      views: stock({ ...snapshot('running', from.head), reapplied: 2 }, from.head),
    });
  const script = {
    start,
    task: [killed, missed, restarting, caught, doubled(caught)],
    nearMisses: {
      'caught up, but nothing was applied twice': [start, killed, missed, restarting, caught],
      'applied twice, but never killed and caught up': [start, doubled(orderedLive(start))],
      'caught up without ever being stopped': [start, orderedLive(start)],
      'restarted before anything was written': [
        start,
        killed,
        restartedEarly,
        orderedLive(restartedEarly),
      ],
      'killed and written to, but never restarted': [start, killed, missed, next(missed, {})],
      'another view killed, written to and restarted': [
        start,
        otherKilled,
        next(otherKilled, {
          ...appending(otherKilled, ...order),
          views: views(4, { 'Order status': snapshot('stopped', 2) }),
        }),
        orderedLive(start),
      ],
    },
  };
  // Catching up is the prediction's answer; only applying twice is left to finish the chapter.
  const revealing = 'caught up, but nothing was applied twice';
  return { ...script, hidden: Object.keys(script.nearMisses).filter((n) => n !== revealing) };
};

const timeTravel = (): Script => {
  const start = ready([
    event(1, 'ProductAdded', 'product-SKU-1'),
    event(2, 'OrderPlaced', 'order-ORD-1'),
    event(3, 'StockReserved', 'product-SKU-1'),
    event(4, 'ProductRestocked', 'product-SKU-1'),
    event(5, 'OrderPlaced', 'order-ORD-2'),
    event(6, 'StockReserved', 'product-SKU-1'),
    event(7, 'OrderCancelled', 'order-ORD-1'),
    event(8, 'StockReleased', 'product-SKU-1'),
  ]);
  const at = (position: number, streamId = 'product-SKU-1') =>
    next(start, { timeTravel: { position, streamId } });
  return everyNearMissHidden({
    start,
    task: [at(8), at(1)],
    nearMisses: {
      'at the first order': [start, at(8), at(2)],
      'after the first order': [start, at(5)],
      'on another stream': [start, at(1, 'order-ORD-1')],
      'at #0, before SKU-1 exists': [start, at(0)],
      'left at #1 from before the chapter': [
        next(start, { timeTravel: { position: 1, streamId: 'product-SKU-1' } }),
        at(1),
      ],
    },
  });
};

const withoutCqrs = (): Script => {
  const start = ready(twoProducts());
  const writeHeavy = did(start, 'compare:write-heavy');
  return {
    start,
    task: [
      writeHeavy,
      did(writeHeavy, 'compare:read-heavy'),
      did(did(writeHeavy, 'compare:read-heavy'), 'compare-reading:right'),
    ],
    nearMisses: {
      'both mixes run, but the figures never read right': [
        start,
        writeHeavy,
        did(writeHeavy, 'compare:read-heavy'),
      ],
      'the figures read right after the write-heavy mix only': [
        start,
        writeHeavy,
        did(writeHeavy, 'compare-reading:right'),
      ],
      'only the write-heavy mix was run, twice': [
        start,
        writeHeavy,
        did(writeHeavy, 'compare:write-heavy'),
      ],
      'only the read-heavy mix was run': [start, did(start, 'compare:read-heavy')],
      'another chapter’s bench was used': [start, did(start, 'costs-measured', 'ryw:plain:stale')],
    },
    hidden: ['another chapter’s bench was used'],
  };
};

const whenNotToUseCqrs = (): Script => {
  const start = ready(twoProducts());
  const ordered = next(start, {
    ...appending(start, ...firstOrder()),
    views: views(4),
  });
  return {
    start,
    task: [
      ordered,
      did(ordered, 'costs-measured'),
      did(ordered, 'costs-measured', 'costs-reading:right'),
    ],
    nearMisses: {
      'the trip measured, but the table never read right': [start, did(start, 'costs-measured')],
      'chapter 10’s figures read instead': [
        start,
        did(start, 'costs-measured', 'compare-reading:right'),
      ],
      'an order placed by hand, with nothing measured': [start, ordered],
      'the design comparison of chapter 10 run instead': [start, did(start, 'compare:write-heavy')],
    },
    hidden: [
      'an order placed by hand, with nothing measured',
      'the design comparison of chapter 10 run instead',
    ],
  };
};

export const PRACTICE_SCRIPTS: Scripts = {
  'optimistic-concurrency': optimisticConcurrency,
  rebuild,
  'failure-and-catch-up': failureAndCatchUp,
  'time-travel': timeTravel,
  'without-cqrs': withoutCqrs,
  'when-not-to-use-cqrs': whenNotToUseCqrs,
};

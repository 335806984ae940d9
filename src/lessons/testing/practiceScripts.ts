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

/** An event of `sku`'s product stream with the data the shop's state folds. */
const productEvent = (
  position: number,
  type: string,
  sku: string,
  version: number,
  data: Record<string, unknown>,
) => ({ ...event(position, type, `product-${sku}`, version), data: { sku, ...data } });

const optimisticConcurrency = (): Script => {
  const start = ready([
    productEvent(1, 'ProductAdded', 'SKU-1', 1, { name: 'Blue mug', price: 12.5, stock: 1 }),
    productEvent(2, 'ProductAdded', 'SKU-2', 1, { name: 'Red mug', price: 12.5, stock: 1 }),
    productEvent(3, 'ProductAdded', 'SKU-3', 1, { name: 'Teapot', price: 30, stock: 5 }),
  ]);
  const reserve = (position: number, sku: string, version: number) =>
    productEvent(position, 'StockReserved', sku, version, {
      quantity: 1,
      orderId: `ORD-${String(position)}`,
    });
  const soldOnce = next(start, appending(start, reserve(4, 'SKU-1', 2)));
  const oversold = next(soldOnce, appending(soldOnce, reserve(5, 'SKU-1', 3)));
  const checked = next(oversold, appending(oversold, reserve(6, 'SKU-2', 2)));
  return {
    start,
    task: [
      soldOnce,
      oversold,
      checked,
      did(checked, 'race:conflict'),
      did(checked, 'race:conflict', 'race:false-conflict'),
    ],
    nearMisses: {
      'only one writer sold SKU-1': [start, soldOnce],
      'SKU-1 oversold, but no conflict refused yet': [start, soldOnce, oversold],
      'conflicts refused, but SKU-1 never oversold': [
        start,
        did(start, 'race:conflict'),
        did(start, 'race:conflict', 'race:false-conflict'),
      ],
      'SKU-2 oversold too, the version check never on': [
        start,
        oversold,
        next(oversold, appending(oversold, reserve(6, 'SKU-2', 2), reserve(7, 'SKU-2', 3))),
        did(
          next(oversold, appending(oversold, reserve(6, 'SKU-2', 2), reserve(7, 'SKU-2', 3))),
          'race:conflict',
          'race:false-conflict',
        ),
      ],
      'a false conflict seen before any conflict over stock': [
        start,
        oversold,
        did(oversold, 'race:false-conflict'),
      ],
    },
    // An oversold SKU-1 is what reveals the prediction; the near misses that have one reveal it.
    hidden: ['only one writer sold SKU-1', 'conflicts refused, but SKU-1 never oversold'],
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
  const measured = did(start, 'costs-measured');
  const picked = ['pick:staff:right', 'pick:catalogue:right', 'pick:ledger:right'];
  return {
    start,
    task: [
      measured,
      did(measured, 'pick:staff:right'),
      did(measured, 'pick:staff:right', 'pick:catalogue:right'),
      did(measured, ...picked),
    ],
    nearMisses: {
      'the trip measured, but no design picked right': [start, measured],
      'two of the three systems given a fitting design': [
        start,
        did(measured, 'pick:staff:right', 'pick:ledger:right'),
      ],
      'every pick right, but no trip measured': [start, did(start, ...picked)],
      'chapter 10’s figures read instead': [
        start,
        did(start, 'costs-measured', 'compare-reading:right'),
      ],
      'the design comparison of chapter 10 run instead': [start, did(start, 'compare:write-heavy')],
    },
    hidden: ['the design comparison of chapter 10 run instead'],
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

// How the learner plays each practice chapter (6–11), and near misses its check must tell apart.
import type { Observation, ViewSnapshot } from '../types';
import { event } from './observation';
import {
  appending,
  did,
  everyNearMissHidden,
  next,
  orderAt,
  ready,
  snapshot,
  storyLog,
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
  const start = ready(storyLog('optimistic-concurrency'));
  const h = start.head;
  /** The version of `sku`'s stream once `later` more events are on it. */
  const version = (sku: string, later: number) =>
    start.events.filter((e) => e.streamId === `product-${sku}`).length + later;
  const reserve = (position: number, sku: string, later: number) =>
    productEvent(position, 'StockReserved', sku, version(sku, later), {
      quantity: 1,
      orderId: `ORD-R${String(position)}`,
    });
  const soldOnce = next(start, appending(start, reserve(h + 1, 'SKU-1', 1)));
  const oversold = next(soldOnce, appending(soldOnce, reserve(h + 2, 'SKU-1', 2)));
  const checked = next(oversold, appending(oversold, reserve(h + 3, 'SKU-2', 1)));
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
        next(oversold, appending(oversold, reserve(h + 3, 'SKU-2', 1), reserve(h + 4, 'SKU-2', 2))),
        did(
          next(
            oversold,
            appending(oversold, reserve(h + 3, 'SKU-2', 1), reserve(h + 4, 'SKU-2', 2)),
          ),
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
  const log = storyLog('rebuild');
  const h = log.length;
  const search = (view: ViewSnapshot) => views(h, { 'Product search': view });
  const start = ready(log, { views: search(snapshot('paused', 0)) });
  const rebuilding = next(start, { views: search(snapshot('rebuilding', 150)) });
  const script = everyNearMissHidden({
    start,
    task: [
      rebuilding,
      next(start, { views: search(snapshot('paused', h, h)) }),
      next(start, { views: search(snapshot('running', h, h)) }),
    ],
    nearMisses: {
      // Seen: the chapter ticked done before its last step, Resume.
      'rebuilt but never resumed': [
        start,
        rebuilding,
        next(start, { views: search(snapshot('paused', h, h)) }),
      ],
      'resumed without a rebuild, catching up from #0': [
        start,
        next(start, { views: search(snapshot('running', 150)) }),
        next(start, { views: search(snapshot('running', h)) }),
      ],
      'a rebuild that ended behind the head, written to meanwhile': [
        start,
        rebuilding,
        next(start, {
          ...appending(start, event(h + 1, 'ProductAdded', 'product-SKU-999')),
          views: search(snapshot('paused', h, h)),
        }),
      ],
      'a rebuild still under way': [
        start,
        rebuilding,
        next(start, { views: search(snapshot('rebuilding', h - 1)) }),
      ],
      'another view rebuilt': [
        start,
        next(start, {
          views: views(h, {
            'Product search': snapshot('paused', 0),
            'Stock levels': snapshot('running', h, h),
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
  const start = ready(storyLog('failure-and-catch-up'));
  const h = start.head;
  const order = orderAt(h + 1, 'ORD-A');
  const stock = (view: ViewSnapshot, checkpoint: number) =>
    views(checkpoint, { 'Stock levels': view });
  const killed = next(start, { views: stock(snapshot('stopped', h), h) });
  const missed = next(killed, {
    ...appending(killed, ...order),
    views: stock(snapshot('stopped', h), h + 2),
  });
  const restarting = next(missed, { views: stock(snapshot('starting', h), h + 2) });
  const orderedLive = (from: Observation) =>
    next(from, { ...appending(from, ...order), views: views(h + 2) });
  const restartedEarly = next(killed, { views: views(h) });
  const otherKilled = next(start, { views: views(h, { 'Order status': snapshot('stopped', h) }) });
  const caught = next(restarting, { views: views(h + 2) });
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
          views: views(h + 2, { 'Order status': snapshot('stopped', h) }),
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
  const start = ready(storyLog('time-travel'));
  const firstOrder = start.events.find((e) => e.type === 'OrderPlaced')?.position ?? 0;
  const at = (position: number, streamId = 'product-SKU-1') =>
    next(start, { timeTravel: { position, streamId } });
  return everyNearMissHidden({
    start,
    task: [at(start.head), at(1)],
    nearMisses: {
      'at the first order': [start, at(start.head), at(firstOrder)],
      'after the first order': [start, at(firstOrder + 2)],
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
  const start = ready(storyLog('without-cqrs'));
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
  const start = ready(storyLog('when-not-to-use-cqrs'));
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

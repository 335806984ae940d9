import { describe, expect, it } from 'vitest';
import type { ViewPhase } from '../bus/protocol';
import { labCommandSchema, labDomain } from '../domain/lab';
import type { StoredEvent } from '../domain/types';
import type { ViewName } from '../domain/views';
import { CHAPTERS, chapterById } from './chapters';
import { runCheck } from './checks';
import type { Chapter, Handed, Observation, ViewSnapshot } from './types';
import { event, observation } from './testing/observation';

const snapshot = (phase: ViewPhase, checkpoint: number, rebuiltEvents?: number): ViewSnapshot => ({
  phase,
  checkpoint,
  rebuiltEvents,
});

const SHOP_VIEWS: readonly ViewName[] = [
  'Order status',
  'Stock levels',
  'Sales dashboard',
  'Product search',
];

/** Every shop view running at `checkpoint`, except those given. */
const views = (
  checkpoint: number,
  except: Partial<Record<ViewName, ViewSnapshot>> = {},
): Partial<Record<ViewName, ViewSnapshot>> => ({
  ...Object.fromEntries(SHOP_VIEWS.map((name) => [name, snapshot('running', checkpoint)])),
  ...except,
});

const answer = (from: ViewName, deliveredAt: number, asOf: number, head: number): Handed => ({
  kind: 'answer',
  from,
  to: 'UI',
  deliveredAt,
  asOf,
  head,
});

const query = (to: ViewName, deliveredAt: number): Handed => ({
  kind: 'query',
  from: 'UI',
  to,
  deliveredAt,
});

/** The hand-overs of one command that was decided and sent to every view, the last at `at`. */
const written = (at: number): Handed[] => [
  { kind: 'command', from: 'UI', to: 'Write model', deliveredAt: at - 200 },
  { kind: 'outcome', from: 'Write model', to: 'UI', deliveredAt: at - 100 },
  ...SHOP_VIEWS.map((to) => ({ kind: 'events', from: 'Write model', to, deliveredAt: at })),
];

/** Virtual time of the last hand-over while the scenario's history was written. */
const READY = 1000;

/** A scenario's starting state: its history in the log, every view up to date. */
const ready = (events: StoredEvent[], over: Partial<Observation> = {}): Observation =>
  observation({
    events,
    head: events.length,
    views: views(events.length),
    delivered: written(READY),
    ...over,
  });

const next = (previous: Observation, over: Partial<Observation>): Observation => ({
  ...previous,
  ...over,
});

const appending = (previous: Observation, ...events: StoredEvent[]): Partial<Observation> => ({
  events: [...previous.events, ...events],
  head: Math.max(previous.head, ...events.map((e) => e.position)),
});

const delivering = (previous: Observation, ...handed: Handed[]): Partial<Observation> => ({
  delivered: [...previous.delivered, ...handed],
});

/**
 * How a chapter is played: its starting state, the learner doing the task (the observations after
 * the start), and attempts that come close without doing it (each a whole sequence from a start).
 * `hidden` names the near misses that must not reveal the prediction's answer either.
 */
type Script = {
  start: Observation;
  task: readonly Observation[];
  nearMisses: Readonly<Record<string, readonly Observation[]>>;
  hidden: readonly string[];
};

const commandsAndQueries = (): Script => {
  const start = ready([
    event(1, 'ProductAdded', 'product-SKU-1'),
    event(2, 'ProductAdded', 'product-SKU-2'),
  ]);
  const order = [
    event(3, 'OrderPlaced', 'order-ORD-1'),
    event(4, 'StockReserved', 'product-SKU-1'),
  ];
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
    task: [stock, next(stock, delivering(stock, answer('Product search', 1400, 9, 9)))],
    nearMisses: {
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

/** A script whose near misses all leave the prediction's answer unrevealed too. */
const everyNearMissHidden = (script: Omit<Script, 'hidden'>): Script => ({
  ...script,
  hidden: Object.keys(script.nearMisses),
});

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
  const start = ready([
    event(1, 'ProductAdded', 'product-SKU-1'),
    event(2, 'ProductAdded', 'product-SKU-2'),
  ]);
  const order = [
    event(3, 'OrderPlaced', 'order-ORD-1'),
    event(4, 'StockReserved', 'product-SKU-1'),
  ];
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

const optimisticConcurrency = (): Script => {
  const start = ready([event(1, 'ProductAdded', 'product-SKU-1')]);
  const sold = next(start, {
    ...appending(start, event(2, 'OrderPlaced', 'order-ORD-A'), event(3, 'StockReserved')),
    activity: ['sold'],
  });
  return everyNearMissHidden({
    start,
    task: [sold, next(sold, { activity: ['sold', 'refused-stale'] })],
    nearMisses: {
      'only one clerk sold': [start, sold],
      'the second clerk was refused by the stock rule, not for a stale read': [
        start,
        sold,
        next(sold, { activity: ['sold', 'refused'] }),
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
  const did = (from: Observation, ...activity: string[]) =>
    next(from, { activity: [...from.activity, ...activity] });
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

/** A chapter whose check watches only what its workbench reports. */
const reported = (...log: StoredEvent[]) => {
  const start = ready(log);
  const did = (from: Observation, ...activity: string[]) =>
    next(from, { activity: [...from.activity, ...activity] });
  return { start, did };
};

const withoutCqrs = (): Script => {
  const { start, did } = reported(
    event(1, 'ProductAdded', 'product-SKU-1'),
    event(2, 'ProductAdded', 'product-SKU-2'),
  );
  const writeHeavy = did(start, 'compare:write-heavy');
  return {
    start,
    task: [writeHeavy, did(writeHeavy, 'compare:read-heavy')],
    nearMisses: {
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
  const { start, did } = reported(
    event(1, 'ProductAdded', 'product-SKU-1'),
    event(2, 'ProductAdded', 'product-SKU-2'),
  );
  const ordered = next(start, {
    ...appending(
      start,
      event(3, 'OrderPlaced', 'order-ORD-1'),
      event(4, 'StockReserved', 'product-SKU-1'),
    ),
    views: views(4),
  });
  return {
    start,
    task: [ordered, did(ordered, 'costs-measured')],
    nearMisses: {
      'an order placed by hand, with nothing measured': [start, ordered],
      'the design comparison of chapter 10 run instead': [start, did(start, 'compare:write-heavy')],
    },
    hidden: [
      'an order placed by hand, with nothing measured',
      'the design comparison of chapter 10 run instead',
    ],
  };
};

const SCRIPTS: Readonly<Record<string, () => Script>> = {
  'optimistic-concurrency': optimisticConcurrency,
  'read-your-writes': readYourWrites,
  'without-cqrs': withoutCqrs,
  'when-not-to-use-cqrs': whenNotToUseCqrs,
  'commands-and-queries': commandsAndQueries,
  'events-are-facts': eventsAreFacts,
  projections,
  'stale-read': staleRead,
  rebuild,
  'failure-and-catch-up': failureAndCatchUp,
  'time-travel': timeTravel,
};

const scriptOf = (chapter: Chapter): Script => {
  const script = SCRIPTS[chapter.id];
  if (!script) throw new Error(`No script plays the chapter ${chapter.id}`);
  return script();
};

/** What the write model appends for the chapter's history: type and stream of each event. */
const historyOf = (chapter: Chapter) => {
  let state = labDomain.initialState();
  return chapter.scenario.history.flatMap((input, i) => {
    const command = labCommandSchema.parse({
      ...input,
      meta: { commandId: `c${i}`, issuedAt: '2026-01-01T00:00:00.000Z' },
    });
    const events = labDomain.decide(command, state);
    state = events.reduce(labDomain.evolve, state);
    return events.map((e) => ({ type: e.type, streamId: labDomain.streamOf(e) }));
  });
};

describe('The chapters', () => {
  it('have unique ids that can be written in a link', () => {
    const ids = CHAPTERS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]{1,60}$/);
  });

  it('are numbered in increasing order', () => {
    const numbers = CHAPTERS.map((c) => c.number);
    for (const [i, n] of numbers.entries()) {
      expect(Number.isInteger(n)).toBe(true);
      if (i > 0) expect(n).toBeGreaterThan(numbers[i - 1] ?? Infinity);
    }
    expect(numbers[0]).toBeGreaterThanOrEqual(1);
  });

  it('are found by their ids, and nothing else is', () => {
    for (const chapter of CHAPTERS) expect(chapterById(chapter.id)).toBe(chapter);
    expect(chapterById('sagas')).toBeUndefined();
    expect(chapterById('')).toBeUndefined();
  });

  it('are each played by a script here', () =>
    expect(Object.keys(SCRIPTS).sort()).toEqual(CHAPTERS.map((c) => c.id).sort()));
});

describe.each(CHAPTERS.map((chapter) => [chapter.id, chapter] as const))(
  'Chapter %s',
  (_, chapter) => {
    it('starts from the log its history writes', () => {
      const { start } = scriptOf(chapter);
      expect(start.events.map(({ type, streamId }) => ({ type, streamId }))).toEqual(
        historyOf(chapter),
      );
      expect(start.events.map((e) => e.position)).toEqual(start.events.map((_e, i) => i + 1));
      expect(start.head).toBe(start.events.length);
    });

    it('is not done on its starting state', () => {
      const { start } = scriptOf(chapter);
      expect(runCheck(chapter.check, [start])).toBe(false);
      expect(runCheck(chapter.check, [start, { ...start }])).toBe(false);
    });

    it('is done once the learner has done the task', () => {
      const { start, task } = scriptOf(chapter);
      expect(runCheck(chapter.check, [start, ...task])).toBe(true);
    });

    it('is not done before the last step of the task', () => {
      const { start, task } = scriptOf(chapter);
      expect(runCheck(chapter.check, [start, ...task.slice(0, -1)])).toBe(false);
    });

    it.each(Object.keys(SCRIPTS[chapter.id]?.().nearMisses ?? {}))(
      'is not done when %s',
      (name) => {
        const attempt = scriptOf(chapter).nearMisses[name] ?? [];
        expect(attempt.length).toBeGreaterThan(1);
        expect(runCheck(chapter.check, attempt)).toBe(false);
      },
    );

    it.each(SCRIPTS[chapter.id]?.().hidden ?? [])(
      'does not reveal its prediction when %s',
      (name) => {
        const attempt = scriptOf(chapter).nearMisses[name] ?? [];
        expect(attempt.length).toBeGreaterThan(1);
        expect(runCheck(chapter.prediction.revealWhen, attempt)).toBe(false);
      },
    );

    it('has near misses to tell the task apart from', () =>
      expect(Object.keys(scriptOf(chapter).nearMisses).length).toBeGreaterThan(0));

    describe('its prediction', () => {
      const { prediction } = chapter;

      it('gives an answer that is one of its choices', () => {
        expect(Number.isInteger(prediction.answer)).toBe(true);
        expect(prediction.answer).toBeGreaterThanOrEqual(0);
        expect(prediction.answer).toBeLessThan(prediction.choices.length);
      });

      it('offers at least two distinct choices', () => {
        expect(prediction.choices.length).toBeGreaterThanOrEqual(2);
        expect(new Set(prediction.choices).size).toBe(prediction.choices.length);
      });

      it('is not revealed on the starting state', () => {
        const { start } = scriptOf(chapter);
        expect(runCheck(prediction.revealWhen, [start])).toBe(false);
        expect(runCheck(prediction.revealWhen, [start, { ...start }])).toBe(false);
      });

      it('is revealed by doing the task', () => {
        const { start, task } = scriptOf(chapter);
        expect(runCheck(prediction.revealWhen, [start, ...task])).toBe(true);
      });
    });
  },
);

// `Show me how` for each chapter: its task, as named steps done with the page's own controls.
import { DESIGN_NAMES } from '../../statemodel/designs';
import {
  answered,
  appended,
  ask,
  fill,
  isCaughtUp,
  placeOrder,
  press,
  pressRow,
  pressUntil,
  reportedAgain,
  viewIs,
} from '../demo';
import { DESIGN_PICKS } from '../designPicks';
import { STRATEGIES } from '../readYourWrites';
import type { DemoStep, Observation } from '../types';
import { MIXES } from '../workload';
import { FIRST_PRICE_CHANGE } from './story';

export const DEMO_COMMANDS_AND_QUERIES: readonly DemoStep[] = [
  placeOrder('SKU-1', 1, 'Stock levels'),
  ask('Stock levels', 'SKU', 'SKU-1'),
];

export const DEMO_EVENTS_ARE_FACTS: readonly DemoStep[] = [
  {
    says: 'Change the price of SKU-1 to 15.00',
    acts: [
      fill('Change price', 'SKU', 'SKU-1'),
      fill('Change price', 'Price', '15.00'),
      press('Change price'),
    ],
    until: appended('PriceChanged'),
  },
  {
    says: `Select the earlier PriceChanged (#${String(FIRST_PRICE_CHANGE)}, the one that set 14.00) in the Event log`,
    acts: [
      pressRow('Event log', [`#${String(FIRST_PRICE_CHANGE)}`, 'product-SKU-1', 'PriceChanged']),
    ],
  },
];

export const DEMO_PROJECTIONS: readonly DemoStep[] = [
  ask('Product search', 'Search', 'mug'),
  ask('Stock levels', 'SKU', 'SKU-2'),
];

export const DEMO_STALE_READ: readonly DemoStep[] = [
  {
    says: 'Step forward until the order is in the Event log',
    acts: [pressUntil('Step forward', appended('OrderPlaced'))],
  },
  ask('Stock levels', 'SKU', 'SKU-1', false),
  {
    says: 'Step forward until the answer from Stock levels arrives',
    acts: [pressUntil('Step forward', answered('Stock levels'))],
  },
];

export const DEMO_READ_YOUR_WRITES: readonly DemoStep[] = STRATEGIES.map(({ id, name }) => ({
  says: `Try: ${name}`,
  acts: [press(`Try: ${name}`)],
  until: reportedAgain(`ryw:${id}:`),
}));

/** One round of chapter 6: both writers read, then A acts and, once it has, B sells. */
const race = (sku: string, a: 'sell' | 'restock'): DemoStep[] => [
  {
    says: `Read ${sku} as Writer A and as Writer B`,
    acts: [press(`Writer A: read ${sku}`), press(`Writer B: read ${sku}`)],
  },
  {
    says: a === 'sell' ? `Sell 1 × ${sku} as Writer A` : `Restock 5 × ${sku} as Writer A`,
    acts: [press(a === 'sell' ? `Writer A: sell 1 × ${sku}` : `Writer A: restock 5 × ${sku}`)],
    until: appended(a === 'sell' ? 'StockReserved' : 'ProductRestocked'),
  },
  {
    says: `Sell 1 × ${sku} as Writer B, on what it read before`,
    acts: [press(`Writer B: sell 1 × ${sku}`)],
    until: reportedAgain('race:'),
  },
];

export const DEMO_OPTIMISTIC_CONCURRENCY: readonly DemoStep[] = [
  ...race('SKU-1', 'sell'),
  ...race('SKU-2', 'sell'),
  ...race('SKU-3', 'restock'),
];

/** Product search rebuilt from #0 up to the head of the log. */
const rebuilt = (_: Observation, now: Observation) =>
  (now.views['Product search']?.rebuiltEvents ?? 0) >= now.head && now.head > 0;

export const DEMO_REBUILD: readonly DemoStep[] = [
  {
    says: 'Rebuild Product search, and watch its progress',
    acts: [press('Rebuild Product search')],
    until: rebuilt,
  },
  {
    says: 'Resume Product search, so it follows new events again',
    acts: [press('Resume Product search')],
    until: isCaughtUp('Product search'),
  },
];

/** The label of chapter 8's duplicate check (its workbench shows it). */
export const DUPLICATE_CHECK_LABEL =
  'Stock levels skips events at or below its checkpoint (the duplicate check)';

const killOrderRestart = (again: boolean): DemoStep[] => [
  {
    says: again ? 'With the check off, kill Stock levels again' : 'Kill Stock levels',
    acts: [press('Kill Stock levels')],
    until: viewIs('Stock levels', 'stopped'),
  },
  placeOrder('SKU-1', again ? 2 : 1, 'Order status'),
  {
    says: again
      ? 'Restart Stock levels, and see the order’s delivery applied twice'
      : 'Restart Stock levels, and watch it catch up',
    acts: [press('Restart Stock levels')],
    until: isCaughtUp('Stock levels'),
  },
];

export const DEMO_FAILURE_AND_CATCH_UP: readonly DemoStep[] = [
  ...killOrderRestart(false),
  { says: 'Untick the duplicate check', acts: [press(DUPLICATE_CHECK_LABEL)] },
  ...killOrderRestart(true),
];

export const DEMO_TIME_TRAVEL: readonly DemoStep[] = [
  {
    says: 'Start time travel, and choose the stream product-SKU-1',
    acts: [press('Start time travel'), fill('Time travel', 'Stream', 'product-SKU-1')],
  },
  {
    says: 'Move the slider to #1, before the first order',
    acts: [fill('Time travel', 'Time travel position', '1')],
  },
];

export const DEMO_WITHOUT_CQRS: readonly DemoStep[] = MIXES.map((mix) => ({
  says: `Run the ${mix.name.toLowerCase()} against the four designs`,
  acts: [press(`Run the ${mix.name.toLowerCase()}`)],
  until: reportedAgain(`compare:${mix.id}`),
}));

export const DEMO_WHEN_NOT_TO_USE_CQRS: readonly DemoStep[] = [
  {
    says: 'Measure one order’s trip through each design',
    acts: [press('Measure one order’s trip')],
    until: reportedAgain('costs-measured'),
  },
  ...DESIGN_PICKS.map((pick) => ({
    says: `Pick “${DESIGN_NAMES[pick.best]}” for ${pick.name}`,
    acts: [
      press(DESIGN_NAMES[pick.best], `Design for ${pick.name}`),
      press('Check my pick', `Design for ${pick.name}`),
    ],
    until: reportedAgain(`pick:${pick.id}:`),
  })),
];

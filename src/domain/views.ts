// Every read view the app runs, by the name the learner sees.
import { accountBalancesProjection } from './bank/accountBalances.projection';
import type { Projection } from './projection';
import { orderStatusProjection } from './shop/orderStatus.projection';
import { stockLevelsProjection } from './shop/stockLevels.projection';

export const VIEW_NAMES = ['Order status', 'Stock levels', 'Account balances'] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

// Rows of different views have different shapes; hosts treat them as opaque values.
const opaque = <R, E extends { type: string; data: unknown }>(p: Projection<R, E>) =>
  p as unknown as Projection<unknown, never>;

export const projections: Record<ViewName, Projection<unknown, never>> = {
  'Order status': opaque(orderStatusProjection),
  'Stock levels': opaque(stockLevelsProjection),
  'Account balances': opaque(accountBalancesProjection),
};

export const isViewName = (name: string): name is ViewName =>
  (VIEW_NAMES as readonly string[]).includes(name);

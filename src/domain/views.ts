// Every read view the app runs, by the name the learner sees.
import { accountBalancesProjection } from './bank/accountBalances.projection';
import type { Projection } from './projection';
import { orderStatusProjection } from './shop/orderStatus.projection';
import {
  INDEX_KEY,
  productSearchProjection,
  searchProducts,
  type ProductSearchRow,
} from './shop/productSearch.projection';
import { salesDashboardProjection } from './shop/salesDashboard.projection';
import { stockLevelsProjection } from './shop/stockLevels.projection';

export const VIEW_NAMES = [
  'Order status',
  'Stock levels',
  'Sales dashboard',
  'Product search',
  'Account balances',
] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

// Rows of different views have different shapes; hosts treat them as opaque values.
const opaque = <R, E extends { type: string; data: unknown }>(p: Projection<R, E>) =>
  p as unknown as Projection<unknown, never>;

export const projections: Record<ViewName, Projection<unknown, never>> = {
  'Order status': opaque(orderStatusProjection),
  'Stock levels': opaque(stockLevelsProjection),
  'Sales dashboard': opaque(salesDashboardProjection),
  'Product search': opaque(productSearchProjection),
  'Account balances': opaque(accountBalancesProjection),
};

export const isViewName = (name: string): name is ViewName =>
  (VIEW_NAMES as readonly string[]).includes(name);

/** Views that answer free-text questions, and how. */
export const searchOf = (
  view: ViewName,
): ((rows: Record<string, unknown>, text: string) => unknown) | undefined =>
  view === 'Product search'
    ? (rows, text) => searchProducts(rows[INDEX_KEY] as ProductSearchRow | undefined, text)
    : undefined;

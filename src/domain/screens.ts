// What of each read view the page is sent: the rows its panel shows, at most `limit` of them, in
// the panel's order, not the whole view. A view with 500,000 orders costs the page what one with
// 200 does; any other row is a question to the view's worker (the query box). The worker picks the
// rows (projection/screen.ts), the panel sorts and shows the same ones (ui/views).
import type { AccountBalanceRow } from './bank/accountBalances.projection';
import type { OrderStatusRow } from './shop/orderStatus.projection';
import type { SalesDashboardRow } from './shop/salesDashboard.projection';
import type { StockLevelRow } from './shop/stockLevels.projection';
import type { ViewName } from './views';

export type Screen<R> = {
  /** Whether the panel shows this kind of row at all. */
  shows: (row: R) => boolean;
  /** The panel's order: the first `limit` rows in it are sent. */
  order: (a: R, b: R) => number;
  limit: number;
};

/** Newest first: by the first event that built it, or (one model: none) by when it was placed. */
export const newestOrderFirst = (a: OrderStatusRow, b: OrderStatusRow): number =>
  (b.builtFrom[0] ?? 0) - (a.builtFrom[0] ?? 0) || b.placedAt.localeCompare(a.placedAt);

/** The dashboard's products (all of them: its top five are worked out from them), then minutes, newest first. */
const salesOrder = (a: SalesDashboardRow, b: SalesDashboardRow): number => {
  if (a.kind === 'product' || b.kind === 'product')
    return a.kind === b.kind ? 0 : a.kind === 'product' ? -1 : 1;
  return a.kind === 'minute' && b.kind === 'minute' ? b.minute.localeCompare(a.minute) : 0;
};

const screen = <R>(spec: Screen<R>): Screen<unknown> => spec as Screen<unknown>;

export const SCREENS: Record<ViewName, Screen<unknown>> = {
  'Order status': screen<OrderStatusRow>({
    shows: () => true,
    order: newestOrderFirst,
    limit: 200,
  }),
  'Stock levels': screen<StockLevelRow>({
    shows: () => true,
    order: (a, b) => a.sku.localeCompare(b.sku),
    limit: 1_000,
  }),
  // The order ledger rows are the view's own bookkeeping: no panel shows them.
  'Sales dashboard': screen<SalesDashboardRow>({
    shows: (row) => row.kind !== 'order',
    order: salesOrder,
    limit: 1_500,
  }),
  'Product search': screen<unknown>({ shows: () => true, order: () => 0, limit: 10 }),
  'Account balances': screen<AccountBalanceRow>({
    shows: () => true,
    order: (a, b) => a.accountId.localeCompare(b.accountId),
    limit: 1_000,
  }),
};

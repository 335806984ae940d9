// What a stored row of each view looks like. A row read from a view's store is checked against its
// view's shape: one that fails (left by a crashed tab, another version of the app, an extension)
// makes the view rebuild itself from the log, with a notice, instead of showing or folding it.
import { z } from 'zod';
import type { AccountBalanceRow } from '../domain/bank/accountBalances.projection';
import type { OrderStatusRow } from '../domain/shop/orderStatus.projection';
import type { ProductSearchRow } from '../domain/shop/productSearch.projection';
import type { SalesDashboardRow } from '../domain/shop/salesDashboard.projection';
import type { StockLevelRow } from '../domain/shop/stockLevels.projection';
import type { ViewName } from '../domain/views';
import { withPaths } from '../domain/validation';

const text = z.string();
const money = z.number();
const count = z.number().int();
const position = z.number().int().min(0);
const line = z.object({
  sku: text,
  name: text,
  quantity: z.number().int().min(1),
  unitPrice: money,
});

const ROW_SCHEMAS = {
  'Order status': z.object({
    orderId: text,
    status: z.enum(['placed', 'paid', 'shipped', 'cancelled']),
    lines: z.array(line),
    total: money,
    placedAt: text,
    updatedAt: text,
    builtFrom: z.array(position),
  }) satisfies z.ZodType<OrderStatusRow>,
  'Stock levels': z.object({
    sku: text,
    name: text,
    price: money,
    onHand: count,
    reserved: count,
    available: count,
    lastPosition: position,
  }) satisfies z.ZodType<StockLevelRow>,
  'Sales dashboard': z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('minute'), minute: text, ordersPlaced: count, revenue: money }),
    z.object({
      kind: z.literal('product'),
      sku: text,
      name: text,
      unitsOrdered: count,
      revenue: money,
    }),
    z.object({
      kind: z.literal('order'),
      orderId: text,
      lines: z.array(line),
      placedMinute: text,
      cancelled: z.boolean(),
    }),
  ]) satisfies z.ZodType<SalesDashboardRow>,
  'Product search': z.object({
    index: text,
    documentCount: count,
  }) satisfies z.ZodType<ProductSearchRow>,
  'Account balances': z.object({
    accountId: text,
    owner: text,
    balance: money,
    lastPosition: position,
  }) satisfies z.ZodType<AccountBalanceRow>,
} satisfies Record<ViewName, z.ZodType>;

/** How many of a row's wrong fields a reason names. */
const SHOWN = 2;

/** Why a stored row of `view` is not one, or undefined if it is. */
export type RowCheck = (value: unknown) => string | undefined;

export const rowCheckOf =
  (view: ViewName): RowCheck =>
  (value) => {
    const parsed = ROW_SCHEMAS[view].safeParse(value);
    if (parsed.success) return undefined;
    // The first fields wrong say enough to a learner; a row wrong throughout would say it all.
    const { issues } = parsed.error;
    const named = withPaths({ issues: issues.slice(0, SHOWN) });
    return issues.length > SHOWN
      ? `${named}; and ${String(issues.length - SHOWN)} more field${issues.length - SHOWN === 1 ? '' : 's'}`
      : named;
  };

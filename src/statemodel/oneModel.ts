// The design with one model (no CQRS): queries read the same tables the writes update, and shape
// their answers when asked. Here those tables are the state rows (one per aggregate, overwritten by
// each write) with the columns a CRUD table would carry beside the rules' state: when a row last
// changed, and for an order when it was placed and paid. Each query below does at read time what a
// view of the other designs does when events arrive, in or after the write: it scans, joins and
// totals the rows (the Sales dashboard is a GROUP BY over every order, run on each ask). It can do
// so only from the columns the tables keep (placed and paid times): a history they do not keep is
// lost.
import type { QueryAnswer, ViewQuery } from '../bus/protocol';
import type { AccountBalanceRow } from '../domain/bank/accountBalances.projection';
import type { LabState } from '../domain/lab';
import { fromCents, toCents } from '../domain/money';
import type { OrderStatusRow } from '../domain/shop/orderStatus.projection';
import { INDEX_KEY, searchRowOf } from '../domain/shop/productSearch.projection';
import {
  minuteKey,
  minuteOf,
  orderKey,
  productKey,
  type MinuteSalesRow,
  type ProductSalesRow,
  type SalesDashboardRow,
} from '../domain/shop/salesDashboard.projection';
import { available } from '../domain/shop/shop.state';
import type { StockLevelRow } from '../domain/shop/stockLevels.projection';
import type { StoredEvent } from '../domain/types';
import { searchOf, type ViewName } from '../domain/views';
import { stateHead, type StateColumns, type StateModelDb, type StateRow } from './stateModelDb';

const timeOf = (event: StoredEvent): string | undefined => {
  const data = event.data as Record<string, unknown>;
  for (const field of ['placedAt', 'paidAt', 'shippedAt', 'cancelledAt'])
    if (typeof data[field] === 'string') return data[field];
  return undefined;
};

/** A row's columns after one of its changes (`event`, decided by the rules, not kept). */
export const columnsAfter = (
  before: StateColumns | undefined,
  event: StoredEvent,
): StateColumns => {
  const at = timeOf(event) ?? event.meta.recordedAt;
  const data = event.data as { placedAt?: string; paidAt?: string };
  return {
    ...before,
    lastPosition: event.position,
    updatedAt: at,
    ...(event.type === 'OrderPlaced' && data.placedAt ? { placedAt: data.placedAt } : {}),
    ...(event.type === 'OrderPaid' && data.paidAt ? { paidAt: data.paidAt } : {}),
  };
};

const stateOf = (row: StateRow) => row.state as LabState;

/** One row per entity of a kind (orders, products, accounts) found in the state rows. */
const byEntity = <T, R>(
  rows: readonly StateRow[],
  entities: (state: LabState) => Record<string, T>,
  keyOf: (entity: T) => string,
  shape: (entity: T, columns: StateColumns | undefined) => R,
): Record<string, R> =>
  Object.fromEntries(
    rows.flatMap((row) =>
      Object.values(entities(stateOf(row))).map((entity) => [
        keyOf(entity),
        shape(entity, row.columns),
      ]),
    ),
  );

const orderStatus = (rows: readonly StateRow[]): Record<string, OrderStatusRow> =>
  byEntity(
    rows,
    (state) => state.shop.orders,
    (order) => order.orderId,
    (order, columns) => ({
      orderId: order.orderId,
      status: order.status,
      lines: order.lines,
      total: order.total,
      placedAt: columns?.placedAt ?? '',
      updatedAt: columns?.updatedAt ?? '',
      // No events are kept in this design: a row is not built from any.
      builtFrom: [],
    }),
  );

const stockLevels = (rows: readonly StateRow[]): Record<string, StockLevelRow> =>
  byEntity(
    rows,
    (state) => state.shop.products,
    (product) => product.sku,
    (product, columns) => ({
      ...product,
      available: available(product),
      lastPosition: columns?.lastPosition ?? 0,
    }),
  );

const plus = (amount: number, cents: number) => fromCents(toCents(amount) + cents);

/** Totals by minute and by product over every order, and each order's ledger row. */
const salesDashboard = (rows: readonly StateRow[]): Record<string, SalesDashboardRow> => {
  const out: Record<string, SalesDashboardRow> = {};
  const minute = (at: string): MinuteSalesRow => {
    const key = minuteKey(minuteOf(at));
    const row = out[key];
    return row?.kind === 'minute'
      ? row
      : { kind: 'minute', minute: minuteOf(at), ordersPlaced: 0, revenue: 0 };
  };
  // Oldest first, so a product's name is the one its latest order carried.
  const orders = rows
    .flatMap((row) =>
      Object.values(stateOf(row).shop.orders).map((order) => ({ order, columns: row.columns })),
    )
    .sort((a, b) => (a.columns?.lastPosition ?? 0) - (b.columns?.lastPosition ?? 0));
  for (const { order, columns } of orders) {
    const placedAt = columns?.placedAt ?? '';
    const placed = minute(placedAt);
    out[minuteKey(placed.minute)] = { ...placed, ordersPlaced: placed.ordersPlaced + 1 };
    // Revenue is counted when money comes in, and kept if the order is cancelled later.
    if (columns?.paidAt) {
      const paid = minute(columns.paidAt);
      out[minuteKey(paid.minute)] = { ...paid, revenue: plus(paid.revenue, toCents(order.total)) };
    }
    const cancelled = order.status === 'cancelled';
    out[orderKey(order.orderId)] = {
      kind: 'order',
      orderId: order.orderId,
      lines: cancelled ? [] : order.lines,
      placedMinute: minuteOf(placedAt),
      cancelled,
    };
    for (const line of order.lines) {
      const key = productKey(line.sku);
      const before = out[key];
      const product: ProductSalesRow =
        before?.kind === 'product'
          ? before
          : { kind: 'product', sku: line.sku, name: line.name, unitsOrdered: 0, revenue: 0 };
      const counted = cancelled ? 0 : 1;
      out[key] = {
        ...product,
        name: line.name,
        unitsOrdered: product.unitsOrdered + counted * line.quantity,
        revenue: plus(product.revenue, counted * line.quantity * toCents(line.unitPrice)),
      };
    }
  }
  return out;
};

const productSearch = (rows: readonly StateRow[]) => ({
  [INDEX_KEY]: searchRowOf(rows.flatMap((row) => Object.values(stateOf(row).shop.products))),
});

const accountBalances = (rows: readonly StateRow[]): Record<string, AccountBalanceRow> =>
  byEntity(
    rows,
    (state) => state.bank.accounts,
    (account) => account.accountId,
    (account, columns) => ({
      accountId: account.accountId,
      owner: account.owner,
      balance: fromCents(account.balanceCents),
      lastPosition: columns?.lastPosition ?? 0,
    }),
  );

const QUERIES: Record<ViewName, (rows: readonly StateRow[]) => Record<string, unknown>> = {
  'Order status': orderStatus,
  'Stock levels': stockLevels,
  'Sales dashboard': salesDashboard,
  'Product search': productSearch,
  'Account balances': accountBalances,
};

/** What `view`'s query answers from the one model's rows, by the key the view's rows use. */
export const oneModelRows = (view: ViewName, rows: readonly StateRow[]): Record<string, unknown> =>
  QUERIES[view](rows);

/** Every state row, and the position they are up to date with, read in one transaction. */
export const readOneModel = (db: StateModelDb) =>
  db.transaction('r', db.state, db.meta, async () => ({
    rows: await db.state.toArray(),
    position: await stateHead(db),
  }));

/** Answers a query on the one model: always up to date with the last committed write. */
export const askOneModel = async (
  db: StateModelDb,
  view: ViewName,
  query: ViewQuery,
): Promise<QueryAnswer<unknown>> => {
  const { rows, position } = await readOneModel(db);
  const answered = oneModelRows(view, rows);
  const search = searchOf(view);
  const data =
    query.kind === 'key'
      ? (answered[query.key] ?? null)
      : query.kind === 'text' && search
        ? search(answered, query.text)
        : Object.values(answered);
  return { data, asOfPosition: position, headPosition: position, servedBy: view };
};

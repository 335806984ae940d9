// Sales dashboard: aggregates over time (orders and revenue per minute) and per product (top sellers).
// One view, several row kinds, each keyed so an event touches only the few rows it changes.
import { fromCents, toCents } from '../money';
import type { Projection, RowChanges } from '../projection';
import type { StoredEvent } from '../types';
import type { OrderLine, ShopEvent, ShopEventOf } from './events';

/** Orders placed and money paid in one UTC minute (`YYYY-MM-DDTHH:MM`). */
export type MinuteSalesRow = {
  kind: 'minute';
  minute: string;
  ordersPlaced: number;
  revenue: number;
};

/** Units ordered of one product, and their value at the order's prices; cancelled orders excluded. */
export type ProductSalesRow = {
  kind: 'product';
  sku: string;
  name: string;
  unitsOrdered: number;
  revenue: number;
};

/**
 * Bookkeeping, not shown: what an order put on the dashboard, so a cancellation can take it back.
 * `lines` are the lines still counted; a line leaves once its units were taken back.
 */
export type OrderLedgerRow = {
  kind: 'order';
  orderId: string;
  lines: OrderLine[];
  placedMinute: string;
  cancelled: boolean;
};

export type SalesDashboardRow = MinuteSalesRow | ProductSalesRow | OrderLedgerRow;

export const minuteKey = (minute: string): string => `minute:${minute}`;
export const productKey = (sku: string): string => `product:${sku}`;
export const orderKey = (orderId: string): string => `order:${orderId}`;

/** The UTC minute of an ISO time; times may carry an offset, buckets are always UTC. */
export const minuteOf = (iso: string): string => {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso.slice(0, 16) : new Date(time).toISOString().slice(0, 16);
};

const addMoney = (amount: number, cents: number): number => fromCents(toCents(amount) + cents);
const lineCents = (line: OrderLine): number => line.quantity * toCents(line.unitPrice);

type Rows = Readonly<Record<string, SalesDashboardRow | undefined>>;

const rowOf = <K extends SalesDashboardRow['kind']>(rows: Rows, key: string, kind: K) => {
  const row = rows[key];
  return row?.kind === kind ? (row as Extract<SalesDashboardRow, { kind: K }>) : undefined;
};

const minuteRow = (rows: Rows, minute: string): MinuteSalesRow =>
  rowOf(rows, minuteKey(minute), 'minute') ?? {
    kind: 'minute',
    minute,
    ordersPlaced: 0,
    revenue: 0,
  };

const productCounted = (row: ProductSalesRow, sign: 1 | -1, line: OrderLine): ProductSalesRow => ({
  ...row,
  name: line.name,
  unitsOrdered: row.unitsOrdered + sign * line.quantity,
  revenue: addMoney(row.revenue, sign * lineCents(line)),
});

const orderPlaced = (rows: Rows, { data }: ShopEventOf<'OrderPlaced'>) => {
  if (rowOf(rows, orderKey(data.orderId), 'order')) return {};
  const minute = minuteOf(data.placedAt);
  const placed = minuteRow(rows, minute);
  const changes: Record<string, SalesDashboardRow> = {
    [minuteKey(minute)]: { ...placed, ordersPlaced: placed.ordersPlaced + 1 },
    [orderKey(data.orderId)]: {
      kind: 'order',
      orderId: data.orderId,
      lines: data.lines,
      placedMinute: minute,
      cancelled: false,
    },
  };
  for (const line of data.lines) {
    const key = productKey(line.sku);
    const before = rowOf(changes, key, 'product') ??
      rowOf(rows, key, 'product') ?? {
        kind: 'product',
        sku: line.sku,
        name: line.name,
        unitsOrdered: 0,
        revenue: 0,
      };
    changes[key] = productCounted(before, 1, line);
  }
  return changes;
};

// Revenue is counted when money comes in. A paid order that is later cancelled keeps its revenue
// here: refunds are not modelled, so the dashboard shows money received, not money kept.
const orderPaid = (rows: Rows, { data }: ShopEventOf<'OrderPaid'>) => {
  if (!rowOf(rows, orderKey(data.orderId), 'order')) return {};
  const minute = minuteOf(data.paidAt);
  const paid = minuteRow(rows, minute);
  return {
    [minuteKey(minute)]: { ...paid, revenue: addMoney(paid.revenue, toCents(data.amount)) },
  };
};

const orderCancelled = (rows: Rows, { data }: ShopEventOf<'OrderCancelled'>) => {
  const order = rowOf(rows, orderKey(data.orderId), 'order');
  return order && !order.cancelled
    ? { [orderKey(data.orderId)]: { ...order, cancelled: true } }
    : {};
};

// OrderCancelled names only the order, and keysOf sees only the event, so it cannot name the
// product rows to change. The StockReleased facts of the same cancellation name order and SKU:
// the units are taken back there, once per line (the line then leaves the ledger row).
const stockReleased = (rows: Rows, { data }: ShopEventOf<'StockReleased'>) => {
  const order = rowOf(rows, orderKey(data.orderId), 'order');
  const line = order?.lines.find((l) => l.sku === data.sku);
  const product = rowOf(rows, productKey(data.sku), 'product');
  if (!order?.cancelled || !line || !product) return {};
  return {
    [orderKey(order.orderId)]: { ...order, lines: order.lines.filter((l) => l.sku !== data.sku) },
    [productKey(data.sku)]: productCounted(product, -1, line),
  };
};

const keysOf = (event: StoredEvent<ShopEvent>): string[] => {
  switch (event.type) {
    case 'OrderPlaced': {
      const { orderId, placedAt, lines } = event.data;
      const skus = [...new Set(lines.map((line) => productKey(line.sku)))];
      return [minuteKey(minuteOf(placedAt)), orderKey(orderId), ...skus];
    }
    case 'OrderPaid':
      return [minuteKey(minuteOf(event.data.paidAt)), orderKey(event.data.orderId)];
    case 'OrderCancelled':
      return [orderKey(event.data.orderId)];
    case 'StockReleased':
      return [orderKey(event.data.orderId), productKey(event.data.sku)];
    default:
      return [];
  }
};

export const salesDashboardProjection: Projection<SalesDashboardRow, ShopEvent> = {
  name: 'Sales dashboard',
  handles: ['OrderPlaced', 'OrderPaid', 'OrderCancelled', 'StockReleased'],
  keysOf,
  project: (rows, event): RowChanges<SalesDashboardRow> => {
    switch (event.type) {
      case 'OrderPlaced':
        return orderPlaced(rows, event);
      case 'OrderPaid':
        return orderPaid(rows, event);
      case 'OrderCancelled':
        return orderCancelled(rows, event);
      case 'StockReleased':
        return stockReleased(rows, event);
      default:
        return {};
    }
  },
};

/** The best-selling products: most units first, ties by SKU. */
export const topProducts = (rows: Iterable<SalesDashboardRow>, n: number): ProductSalesRow[] =>
  [...rows]
    .filter((row): row is ProductSalesRow => row.kind === 'product')
    .sort((a, b) => b.unitsOrdered - a.unitsOrdered || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0))
    .slice(0, Math.max(0, n));

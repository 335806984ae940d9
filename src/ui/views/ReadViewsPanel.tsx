import { newestOrderFirst } from '../../domain/screens';
import { counted } from '../counted';
import type { AccountBalanceRow } from '../../domain/bank/accountBalances.projection';
import { formatMoney } from '../../domain/money';
import type { OrderStatusRow } from '../../domain/shop/orderStatus.projection';
import {
  INDEX_KEY,
  type ProductHit,
  type ProductSearchRow,
} from '../../domain/shop/productSearch.projection';
import {
  topProducts,
  type MinuteSalesRow,
  type SalesDashboardRow,
} from '../../domain/shop/salesDashboard.projection';
import type { StockLevelRow } from '../../domain/shop/stockLevels.projection';
import { useSettings } from '../../state/settings';
import { useLog, useViews } from '../../state/stores';
import { QueryBox } from './QueryBox';
import { ViewSection } from './ViewSection';
import { usePaced } from '../paced';
import type { ReactNode } from 'react';
import type { ViewName } from '../../domain/views';
import type { DesignId } from '../design/designText';

const isKind =
  <R extends { kind: string }>(kind: R['kind']) =>
  (row: unknown): row is R =>
    typeof row === 'object' && row !== null && (row as { kind?: unknown }).kind === kind;

const notFound = (what: string) => (data: unknown, key: string, show: (d: never) => string) =>
  data === null ? `No ${what} ${key}` : show(data as never);

const OrderStatusView = () => (
  <ViewSection<OrderStatusRow>
    name="Order status"
    explain="Order id → status, lines and total: a key-value view. Newest first."
    columns={[
      { header: 'Order', cell: () => null },
      { header: 'Status', cell: (r) => r.status },
      { header: 'Items', cell: (r) => r.lines.map((l) => `${l.quantity} × ${l.sku}`).join(', ') },
      { header: 'Total', cell: (r) => formatMoney(r.total), numeric: true },
    ]}
    rowKey={(r) => r.orderId}
    order={newestOrderFirst}
    provenanceOf={(r) => ({
      label: `Order status row ${r.orderId}`,
      positions: r.builtFrom,
      streams: [],
    })}
    empty="No orders yet."
  >
    <QueryBox
      view="Order status"
      label="Order"
      placeholder="e.g. ORD-A1B2C3"
      suggest
      toQuery={(key) => ({ kind: 'key', key })}
      summarize={(data, key) =>
        notFound('order')(data, key, (r: OrderStatusRow) => `${r.orderId} is ${r.status}`)
      }
    />
  </ViewSection>
);

const StockLevelsView = () => (
  <ViewSection<StockLevelRow>
    name="Stock levels"
    explain="SKU → counters: on hand, reserved by open orders, and available to sell."
    columns={[
      // The name under the SKU: the view is narrow, and Available must show without scrolling.
      {
        header: 'Product',
        cell: (r) => (
          <>
            {' '}
            <span className="row-sub">{r.name}</span>
          </>
        ),
      },
      { header: 'Price', cell: (r) => formatMoney(r.price), numeric: true },
      { header: 'On hand', cell: (r) => r.onHand, numeric: true },
      { header: 'Reserved', cell: (r) => r.reserved, numeric: true },
      { header: 'Available', cell: (r) => r.available, numeric: true },
    ]}
    rowKey={(r) => r.sku}
    order={(a, b) => a.sku.localeCompare(b.sku)}
    provenanceOf={(r) => ({
      label: `Stock levels row ${r.sku} (its product stream)`,
      positions: [],
      streams: [`product-${r.sku}`],
    })}
    empty="No products yet."
  >
    <QueryBox
      view="Stock levels"
      label="SKU"
      placeholder="e.g. SKU-1"
      suggest
      toQuery={(key) => ({ kind: 'key', key })}
      summarize={(data, key) =>
        notFound('product')(data, key, (r: StockLevelRow) => `${r.sku}: ${r.available} available`)
      }
    />
  </ViewSection>
);

const SalesDashboardView = () => (
  <ViewSection<MinuteSalesRow>
    name="Sales dashboard"
    explain="Totals over time: orders placed and money paid per minute."
    columns={[
      { header: 'Minute (UTC)', cell: (r) => r.minute.replace('T', ' ') },
      { header: 'Orders placed', cell: (r) => r.ordersPlaced, numeric: true },
      { header: 'Revenue', cell: (r) => formatMoney(r.revenue), numeric: true },
    ]}
    rowKey={(r) => `minute:${r.minute}`}
    order={(a, b) => b.minute.localeCompare(a.minute)}
    empty="No sales yet."
    show={isKind<MinuteSalesRow>('minute')}
  >
    <TopProducts />
  </ViewSection>
);

/** The dashboard's other totals: units ordered per product, best first. */
const TopProducts = () => {
  const rows = usePaced(useViews, (s) => s.views['Sales dashboard']?.rows);
  const top = topProducts(Object.values(rows ?? {}) as SalesDashboardRow[], 5);
  if (top.length === 0) return null;
  return (
    <table aria-label="Top products">
      <thead>
        <tr>
          <th scope="col">Top products</th>
          <th scope="col" className="num">
            Units
          </th>
          <th scope="col" className="num">
            Ordered value
          </th>
        </tr>
      </thead>
      <tbody>
        {top.map((p) => (
          <tr key={p.sku}>
            <td>
              {p.name} ({p.sku})
            </td>
            <td className="num">{p.unitsOrdered}</td>
            <td className="num">{formatMoney(p.revenue)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

const IndexSize = () => {
  const row = usePaced(useViews, (s) => s.views['Product search']?.rows[INDEX_KEY]) as
    ProductSearchRow | undefined;
  const view = usePaced(useViews, (s) => s.views['Product search']);
  const head = usePaced(useLog, (s) => s.head);
  const design = useSettings((s) => s.design);
  const phase = view?.phase ?? 'starting';
  // An empty index is only news when the view has applied the whole log.
  const note =
    row && row.documentCount > 0
      ? `${counted(row.documentCount, 'product')} indexed.`
      : phase === 'rebuilding' || phase === 'starting'
        ? 'Building the index…'
        : (view?.checkpoint ?? 0) < head
          ? `Nothing indexed yet: this view is at #${String(view?.checkpoint ?? 0)}, ${design === 'event-sourced' ? 'the log’s head is' : 'the write side is at'} #${String(head)}.`
          : 'The index is empty: add a product.';
  return <p className="muted">{note}</p>;
};

const ProductSearchView = () => (
  <ViewSection<ProductHit>
    name="Product search"
    explain="A full-text index (MiniSearch) over product names, stored with its checkpoint."
    columns={[]}
    rowKey={(r) => r.sku}
    order={() => 0}
    show={(row): row is ProductHit => row === undefined}
  >
    <IndexSize />
    <QueryBox
      view="Product search"
      label="Search"
      placeholder="e.g. mug"
      toQuery={(text) => ({ kind: 'text', text })}
      summarize={(data) => {
        const hits = data as ProductHit[];
        return hits.length === 0
          ? 'No products match'
          : hits.map((h) => `${h.name} (${h.sku}, ${formatMoney(h.price)})`).join('; ');
      }}
    />
  </ViewSection>
);

const AccountBalancesView = () => (
  <ViewSection<AccountBalanceRow>
    name="Account balances"
    explain="Account → balance, as of the last event this view has applied."
    columns={[
      { header: 'Account', cell: () => null },
      { header: 'Owner', cell: (r) => r.owner },
      { header: 'Balance', cell: (r) => formatMoney(r.balance), numeric: true },
    ]}
    rowKey={(r) => r.accountId}
    order={(a, b) => a.accountId.localeCompare(b.accountId)}
    provenanceOf={(r) => ({
      label: `Account balances row ${r.accountId} (its account stream)`,
      positions: [],
      streams: [`account-${r.accountId}`],
    })}
    empty="No accounts yet."
  >
    <QueryBox
      view="Account balances"
      label="Account"
      placeholder="e.g. ACC-1"
      suggest
      toQuery={(key) => ({ kind: 'key', key })}
      summarize={(data, key) =>
        notFound('account')(
          data,
          key,
          (r: AccountBalanceRow) => `${r.accountId}: ${formatMoney(r.balance)}`,
        )
      }
    />
  </ViewSection>
);

/** What the views are in each design. */
const VIEWS_NOTE: Record<DesignId, ReactNode> = {
  'one-model': (
    <>
      There is no separate read model in this design: each panel below is a <strong>query</strong>{' '}
      on the one model’s tables, shaped when asked from the latest committed write. Its cost is paid
      on every read.
    </>
  ),
  'same-transaction': (
    <>
      Each <strong>view</strong> keeps its own rows, shaped for one kind of question, and the write
      model updates them in each command’s own transaction: a query reads the latest committed
      write, and every write waits for the views.
    </>
  ),
  'after-commit': (
    <>
      Each <strong>projection</strong> runs in its own worker and keeps its own copy of the data,
      shaped for one kind of question. The bus carries it each write’s events a moment after the
      commit (what it missed it reads from the outbox), so it may be behind: its status line says by
      how much.
    </>
  ),
  'event-sourced': (
    <>
      Each <strong>projection</strong> runs in its own worker and keeps its own copy of the data,
      shaped for one kind of question. It learns of new events a moment after they are appended, so
      it may be behind: its status line says by how much.
    </>
  ),
};

const VIEW_PANELS: Record<ViewName, () => ReactNode> = {
  'Stock levels': StockLevelsView,
  'Order status': OrderStatusView,
  'Sales dashboard': SalesDashboardView,
  'Product search': ProductSearchView,
  'Account balances': AccountBalancesView,
};

const SHOP_VIEWS: readonly ViewName[] = [
  'Stock levels',
  'Order status',
  'Sales dashboard',
  'Product search',
];

/** The read views of the domain shown, or `only` those (a chapter shows the ones it uses). */
export const ReadViewsPanel = ({ only }: { only?: readonly ViewName[] }) => {
  const domain = useSettings((s) => s.domain);
  const design = useSettings((s) => s.design);
  const shown = only ?? (domain === 'shop' ? SHOP_VIEWS : ['Account balances']);
  return (
    <section aria-label="Read views" className="panel views">
      <h2>Read views</h2>
      <p className="explain">{VIEWS_NOTE[design]}</p>
      {shown.map((view) => {
        const Panel = VIEW_PANELS[view];
        return <Panel key={view} />;
      })}
    </section>
  );
};

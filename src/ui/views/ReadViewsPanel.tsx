import type { AccountBalanceRow } from '../../domain/bank/accountBalances.projection';
import { formatMoney } from '../../domain/money';
import type { OrderStatusRow } from '../../domain/shop/orderStatus.projection';
import type { StockLevelRow } from '../../domain/shop/stockLevels.projection';
import { useSettings } from '../../state/settings';
import { ViewSection } from './ViewSection';

const OrderStatusView = () => (
  <ViewSection<OrderStatusRow>
    name="Order status"
    explain="Order id → status, lines and total: a key-value view."
    columns={[
      { header: 'Order', cell: (r) => r.orderId },
      { header: 'Status', cell: (r) => r.status },
      { header: 'Items', cell: (r) => r.lines.map((l) => `${l.quantity} × ${l.sku}`).join(', ') },
      { header: 'Total', cell: (r) => formatMoney(r.total), numeric: true },
    ]}
    rowKey={(r) => r.orderId}
    order={(a, b) => (a.builtFrom[0] ?? 0) - (b.builtFrom[0] ?? 0)}
    empty="No orders yet."
  />
);

const StockLevelsView = () => (
  <ViewSection<StockLevelRow>
    name="Stock levels"
    explain="SKU → counters: on hand, reserved by open orders, and available to sell."
    columns={[
      { header: 'SKU', cell: (r) => r.sku },
      { header: 'Name', cell: (r) => r.name },
      { header: 'Price', cell: (r) => formatMoney(r.price), numeric: true },
      { header: 'On hand', cell: (r) => r.onHand, numeric: true },
      { header: 'Reserved', cell: (r) => r.reserved, numeric: true },
      { header: 'Available', cell: (r) => r.available, numeric: true },
    ]}
    rowKey={(r) => r.sku}
    order={(a, b) => a.sku.localeCompare(b.sku)}
    empty="No products yet."
  />
);

const AccountBalancesView = () => (
  <ViewSection<AccountBalanceRow>
    name="Account balances"
    explain="Account → balance, as of the last event this view has applied."
    columns={[
      { header: 'Account', cell: (r) => r.accountId },
      { header: 'Owner', cell: (r) => r.owner },
      { header: 'Balance', cell: (r) => formatMoney(r.balance), numeric: true },
    ]}
    rowKey={(r) => r.accountId}
    order={(a, b) => a.accountId.localeCompare(b.accountId)}
    empty="No accounts yet."
  />
);

export const ReadViewsPanel = () => {
  const domain = useSettings((s) => s.domain);
  return (
    <section aria-label="Read views" className="panel views">
      <h2>Read views</h2>
      <p className="explain">
        Each <strong>projection</strong> runs in its own worker and keeps its own copy of the data,
        shaped for one kind of question. It learns of new events a moment after they are appended,
        so it may be behind: its status line says by how much.
      </p>
      {domain === 'shop' ? (
        <>
          <StockLevelsView />
          <OrderStatusView />
        </>
      ) : (
        <AccountBalancesView />
      )}
    </section>
  );
};

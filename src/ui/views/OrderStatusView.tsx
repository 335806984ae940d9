import type { OrderStatusRow } from '../../domain/shop/orderStatus.projection';
import { formatMoney } from '../../domain/money';
import { useLog, useViews } from '../../state/stores';
import { Freshness } from './Freshness';

const VIEW = 'Order status';

export const OrderStatusView = () => {
  const view = useViews((s) => s.views[VIEW]);
  const head = useLog((s) => s.head);
  const rows = (Object.values(view?.rows ?? {}) as OrderStatusRow[]).sort(
    (a, b) => (a.builtFrom[0] ?? 0) - (b.builtFrom[0] ?? 0),
  );
  const changed = new Set(view?.lastChanged ?? []);

  return (
    <section aria-label={VIEW} className="view">
      <h3>{VIEW}</h3>
      <p className="explain">Order id → status, lines and total: a key-value view.</p>
      {view?.loaded ? (
        <Freshness checkpoint={view.checkpoint} head={Math.max(head, view.head)} />
      ) : (
        <p className="muted">Starting…</p>
      )}
      <table aria-label="Orders">
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Status</th>
            <th scope="col">Items</th>
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.orderId} className={changed.has(row.orderId) ? 'changed' : undefined}>
              <td>{row.orderId}</td>
              <td>{row.status}</td>
              <td>{row.lines.map((l) => `${l.quantity} × ${l.sku}`).join(', ')}</td>
              <td>{formatMoney(row.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {view?.loaded && rows.length === 0 && <p className="empty">No orders yet.</p>}
    </section>
  );
};

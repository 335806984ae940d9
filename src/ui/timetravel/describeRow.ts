// One readable line per view row, for time travel and its diff (no raw JSON as the explanation).
import { formatMoney } from '../../domain/money';
import { counted } from '../counted';

type Row = Record<string, unknown>;
const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export const describeRow = (view: string, row: unknown): string => {
  if (row === null || typeof row !== 'object') return '(none)';
  const r = row as Row;
  switch (view) {
    case 'Stock levels':
      return `${str(r.sku)}: ${num(r.onHand)} on hand, ${num(r.reserved)} reserved, ${num(r.available)} available at ${formatMoney(num(r.price))}`;
    case 'Order status':
      return `${str(r.orderId)}: ${str(r.status)}, total ${formatMoney(num(r.total))}`;
    case 'Account balances':
      return `${str(r.accountId)} (${str(r.owner)}): ${formatMoney(num(r.balance))}`;
    case 'Product search':
      return `${counted(num(r.documentCount), 'product')} indexed`;
    case 'Sales dashboard':
      if (r.kind === 'minute')
        return `${str(r.minute)}: ${num(r.ordersPlaced)} orders, ${formatMoney(num(r.revenue))} paid`;
      if (r.kind === 'product') return `${str(r.sku)}: ${num(r.unitsOrdered)} units ordered`;
      return `order ${str(r.orderId)}: helper row, not shown on the dashboard; ${
        r.cancelled === true ? 'cancelled; ' : ''
      }units of ${counted(Array.isArray(r.lines) ? r.lines.length : 0, 'line')} still in the product totals`;
    default:
      return JSON.stringify(row);
  }
};

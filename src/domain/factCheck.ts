// Whether a fact can follow the ones before it. Commands are checked by the deciders; facts that
// arrive from outside (an imported log) are checked here, against the state folded so far.
import { available } from './shop/shop.state';
import type { LabEvent, LabState } from './lab';
import { formatMoney, fromCents } from './money';
import { own } from './types';

const productOf = (state: LabState, sku: string) => own(state.shop.products, sku);
const orderOf = (state: LabState, orderId: string) => own(state.shop.orders, orderId);
const accountOf = (state: LabState, accountId: string) => own(state.bank.accounts, accountId);

/** Why `event` cannot follow `before` (turning into `after`), or null if it can. */
export const whyNot = (before: LabState, event: LabEvent, after: LabState): string | null => {
  switch (event.type) {
    case 'ProductAdded':
      return productOf(before, event.data.sku) ? `product ${event.data.sku} already exists` : null;
    case 'PriceChanged':
    case 'ProductRestocked':
    case 'StockReserved':
    case 'StockReleased':
    case 'StockShipped': {
      const { sku } = event.data;
      if (!productOf(before, sku)) return `there is no product ${sku} at this point`;
      const product = productOf(after, sku);
      if (product && (product.reserved < 0 || available(product) < 0))
        return `${sku} would have ${String(available(product))} available and ${String(product.reserved)} reserved`;
      return null;
    }
    case 'OrderPlaced':
      return orderOf(before, event.data.orderId)
        ? `order ${event.data.orderId} already exists`
        : null;
    case 'OrderPaid':
    case 'OrderShipped':
    case 'OrderCancelled':
      return orderOf(before, event.data.orderId)
        ? null
        : `there is no order ${event.data.orderId} at this point`;
    case 'AccountOpened':
      return accountOf(before, event.data.accountId)
        ? `account ${event.data.accountId} already exists`
        : null;
    case 'MoneyDeposited':
    case 'MoneyWithdrawn':
    case 'TransferSent':
    case 'TransferReceived': {
      const id =
        event.type === 'TransferSent'
          ? event.data.from
          : event.type === 'TransferReceived'
            ? event.data.to
            : event.data.accountId;
      if (!accountOf(before, id)) return `there is no account ${id} at this point`;
      const balance = accountOf(after, id)?.balanceCents ?? 0;
      return balance < 0 ? `${id} would hold ${formatMoney(fromCents(balance))}` : null;
    }
  }
};

// A short human sentence for every kind of event: what fact it records.
import type { LabEvent } from '../../domain/lab';

export const EVENT_LABELS: Record<LabEvent['type'], string> = {
  ProductAdded: 'A product was added to the catalogue',
  PriceChanged: 'A product’s price changed',
  ProductRestocked: 'Units arrived in the warehouse',
  StockReserved: 'Units were set aside for an order',
  StockReleased: 'Units set aside for an order were given back',
  StockShipped: 'Units left the warehouse with an order',
  OrderPlaced: 'A customer placed an order',
  OrderPaid: 'An order was paid',
  OrderShipped: 'An order was shipped',
  OrderCancelled: 'An order was cancelled',
  AccountOpened: 'A bank account was opened',
  MoneyDeposited: 'Money was paid into an account',
  MoneyWithdrawn: 'Money was taken out of an account',
  TransferSent: 'Money left an account in a transfer',
  TransferReceived: 'Money arrived in an account from a transfer',
};

export const labelOf = (type: string): string =>
  (EVENT_LABELS as Record<string, string | undefined>)[type] ?? type;

// What chapter 16's runs share, without storage: the workload, the two boundaries, what a desk
// reports, and each order's wait for the stock's answer (the page computes it from the log).
import type { LoggedEvent } from './processManager';

export const BOUNDARIES = ['together', 'apart'] as const;
export type Boundary = (typeof BOUNDARIES)[number];

/** The workload, the same both ways: this many desks, each placing this many orders of 1 unit. */
export const WORKLOAD = { desks: 4, ordersPerDesk: 10, sku: 'SKU-1', stock: 30 } as const;

export type DeskReport = {
  accepted: number;
  /** Refused at once: no stock behind the order when it was decided (together only). */
  refused: number;
  /** Appends refused because the stream had moved since the desk read it; each was tried again. */
  conflicts: number;
};

/** The orders desk `desk` places in a run: the same ids both ways. */
export const ordersOfDesk = (desk: number): string[] =>
  Array.from(
    { length: WORKLOAD.ordersPerDesk },
    (_, i) => `ORD-${String(desk * WORKLOAD.ordersPerDesk + i + 1)}`,
  );

/** How long one order was accepted while the stock had not yet answered for it. */
export type Window = {
  orderId: string;
  ms: number;
  /** Events appended in between (other orders, other reservations). */
  events: number;
  outcome: 'reserved' | 'refused';
};

/**
 * From fulfilment's log: for each order, from OrderPlaced to the stock's answer (StockReserved or
 * ReservationRefused). Orders the stock has not answered for yet are left out.
 */
export const windowsOf = (log: readonly LoggedEvent[]): Window[] => {
  const placedAt = new Map<string, LoggedEvent>();
  const windows: Window[] = [];
  for (const logged of log) {
    const { event } = logged;
    if (event.type === 'OrderPlaced') placedAt.set(event.orderId, logged);
    if (event.type !== 'StockReserved' && event.type !== 'ReservationRefused') continue;
    const start = placedAt.get(event.orderId);
    if (!start) continue;
    windows.push({
      orderId: event.orderId,
      ms: logged.at - start.at,
      events: logged.position - start.position - 1,
      outcome: event.type === 'StockReserved' ? 'reserved' : 'refused',
    });
  }
  return windows;
};

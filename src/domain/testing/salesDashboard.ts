// Shop commands issued at set minutes, and the sales dashboard their events build, for its specs.
import type { ShopCommand } from '../shop/commands';
import { streamOfShopEvent, type ShopEvent } from '../shop/events';
import { rebuildView } from '../projection';
import { salesDashboardProjection } from '../shop/salesDashboard.projection';
import { shopDomain } from '../shop/shop.decider';
import { runAll } from './run';
import { storedAll } from './stored';

export const at = (minute: number, second = 0) =>
  new Date(Date.UTC(2026, 0, 1, 10, minute, second)).toISOString();

export const meta = (issuedAt = at(0)) => ({ commandId: 'c', issuedAt });

export const runShop = (commands: readonly ShopCommand[]) => runAll(shopDomain, commands);

export const eventsOf = (commands: readonly ShopCommand[]) => runShop(commands).log;
export const viewOf = (events: readonly ShopEvent[]) =>
  rebuildView(salesDashboardProjection, storedAll(events, streamOfShopEvent));

export const addProduct = (sku: string, name: string, price: number, stock = 100): ShopCommand => ({
  type: 'AddProduct',
  data: { sku, name, price, stock },
  meta: meta(),
});
export const placeOrder = (
  orderId: string,
  lines: { sku: string; quantity: number }[],
  issuedAt = at(0),
): ShopCommand => ({ type: 'PlaceOrder', data: { orderId, lines }, meta: meta(issuedAt) });
export const onOrder = (
  type: 'PayOrder' | 'ShipOrder' | 'CancelOrder',
  orderId: string,
  issuedAt = at(0),
): ShopCommand => ({ type, data: { orderId }, meta: meta(issuedAt) });

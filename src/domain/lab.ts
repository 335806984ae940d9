// The lab runs both domains against one event log: shop and bank commands share the write model,
// and their streams live side by side (product-…, order-…, account-…).
import { z } from 'zod';
import { BANK_EVENT_TYPES, type BankEvent } from './bank/events';
import { bankCommandSchemas, type BankCommand } from './bank/commands';
import { bankDomain, type BankState } from './bank/bank.decider';
import { SHOP_EVENT_TYPES, type ShopEvent } from './shop/events';
import { shopCommandSchemas, type ShopCommand } from './shop/commands';
import { shopDomain } from './shop/shop.decider';
import type { ShopState } from './shop/shop.state';
import type { StoredEvent, WriteDomain } from './types';

export const labCommandSchema = z.discriminatedUnion(
  'type',
  [...shopCommandSchemas, ...bankCommandSchemas],
  { error: 'Unknown command' },
);

export type LabCommand = ShopCommand | BankCommand;

/** A command as a form or a scenario writes it; the runtime adds its id and time. */
export type CommandInput = LabCommand extends infer C
  ? C extends LabCommand
    ? Omit<C, 'meta'>
    : never
  : never;
export type LabEvent = ShopEvent | BankEvent;
export type LabState = { shop: ShopState; bank: BankState };

const shopEventTypes: ReadonlySet<string> = new Set(SHOP_EVENT_TYPES);
const shopCommandTypes: ReadonlySet<string> = new Set(
  shopCommandSchemas.map((s) => s.shape.type.value),
);

export const isShopEvent = (event: LabEvent): event is ShopEvent => shopEventTypes.has(event.type);
const isShopCommand = (command: LabCommand): command is ShopCommand =>
  shopCommandTypes.has(command.type);

export const LAB_EVENT_TYPES = [...SHOP_EVENT_TYPES, ...BANK_EVENT_TYPES];

export const labDomain: WriteDomain<LabState, LabCommand, LabEvent> = {
  initialState: () => ({ shop: shopDomain.initialState(), bank: bankDomain.initialState() }),
  decide: (command, state) =>
    isShopCommand(command)
      ? shopDomain.decide(command, state.shop)
      : bankDomain.decide(command, state.bank),
  evolve: (state, event) =>
    isShopEvent(event)
      ? { ...state, shop: shopDomain.evolve(state.shop, event) }
      : { ...state, bank: bankDomain.evolve(state.bank, event) },
  streamOf: (event) =>
    isShopEvent(event) ? shopDomain.streamOf(event) : bankDomain.streamOf(event),
  streamsOf: (command) =>
    isShopCommand(command) ? shopDomain.streamsOf(command) : bankDomain.streamsOf(command),
  combine: (parts) => ({
    shop: shopDomain.combine(parts.map((p) => p.shop)),
    bank: bankDomain.combine(parts.map((p) => p.bank)),
  }),
};

/** The lab's state folded from stored events, in the order given (a stream, or the whole log). */
export const foldLab = (events: readonly StoredEvent[]): LabState =>
  events.reduce(
    (state, event) => labDomain.evolve(state, event as unknown as LabEvent),
    labDomain.initialState(),
  );

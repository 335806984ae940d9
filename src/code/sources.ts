// The app's own domain code, bundled as text, and where in it each command, event and view row is
// handled. The screen loads this module only when a learner asks to see the code.
import accountBalancesSource from '../domain/bank/accountBalances.projection.ts?raw';
import bankDeciderSource from '../domain/bank/bank.decider.ts?raw';
import orderStatusSource from '../domain/shop/orderStatus.projection.ts?raw';
import productSearchSource from '../domain/shop/productSearch.projection.ts?raw';
import salesDashboardSource from '../domain/shop/salesDashboard.projection.ts?raw';
import shopDeciderSource from '../domain/shop/shop.decider.ts?raw';
import stockLevelsSource from '../domain/shop/stockLevels.projection.ts?raw';
import type { BankCommand } from '../domain/bank/commands';
import type { ShopCommand } from '../domain/shop/commands';
import type { ViewName } from '../domain/views';
import {
  caseClauses,
  helpersOf,
  mentioning,
  refusingRule,
  topLevelFunction,
  type Snippet,
} from './extract';

/** Code to show: the file it is in, as the learner would find it, and pieces of that file. */
export type Code = { file: string; snippets: Snippet[] };

export type CommandType = ShopCommand['type'] | BankCommand['type'];

type SourceFile = { file: string; source: string };

const shopDecider = { file: 'src/domain/shop/shop.decider.ts', source: shopDeciderSource };
const bankDecider = { file: 'src/domain/bank/bank.decider.ts', source: bankDeciderSource };

/** Where each command is decided: its decider's file and the function `decide` hands it to. */
export const COMMAND_HANDLERS: Record<CommandType, SourceFile & { handler: string }> = {
  AddProduct: { ...shopDecider, handler: 'addProduct' },
  ChangePrice: { ...shopDecider, handler: 'changePrice' },
  Restock: { ...shopDecider, handler: 'restock' },
  PlaceOrder: { ...shopDecider, handler: 'placeOrder' },
  PayOrder: { ...shopDecider, handler: 'payOrder' },
  ShipOrder: { ...shopDecider, handler: 'shipOrder' },
  CancelOrder: { ...shopDecider, handler: 'cancelOrder' },
  OpenAccount: { ...bankDecider, handler: 'openAccount' },
  Deposit: { ...bankDecider, handler: 'deposit' },
  Withdraw: { ...bankDecider, handler: 'withdraw' },
  Transfer: { ...bankDecider, handler: 'transfer' },
};

/** Where each read view is built: its projection's file and the name of the `Projection` object. */
export const VIEW_PROJECTIONS: Record<ViewName, SourceFile & { projection: string }> = {
  'Order status': {
    file: 'src/domain/shop/orderStatus.projection.ts',
    source: orderStatusSource,
    projection: 'orderStatusProjection',
  },
  'Stock levels': {
    file: 'src/domain/shop/stockLevels.projection.ts',
    source: stockLevelsSource,
    projection: 'stockLevelsProjection',
  },
  'Sales dashboard': {
    file: 'src/domain/shop/salesDashboard.projection.ts',
    source: salesDashboardSource,
    projection: 'salesDashboardProjection',
  },
  'Product search': {
    file: 'src/domain/shop/productSearch.projection.ts',
    source: productSearchSource,
    projection: 'productSearchProjection',
  },
  'Account balances': {
    file: 'src/domain/bank/accountBalances.projection.ts',
    source: accountBalancesSource,
    projection: 'accountBalancesProjection',
  },
};

// Object.entries forgets that a Record's keys are exactly K.
const entriesOf = <K extends string, V>(record: Record<K, V>) => Object.entries(record) as [K, V][];

const isCommandType = (type: string): type is CommandType => Object.hasOwn(COMMAND_HANDLERS, type);
const isViewName = (name: string): name is ViewName => Object.hasOwn(VIEW_PROJECTIONS, name);

/**
 * The function that decides a command, and with a refusal message, the rule that refused it (see
 * `refusingRule`). Null for a command type the app does not have.
 */
export const commandCode = (
  commandType: string,
  refusal?: string,
): (Code & { matched: boolean }) | null => {
  if (!isCommandType(commandType)) return null;
  const { file, source, handler } = COMMAND_HANDLERS[commandType];
  if (refusal !== undefined) return { file, ...refusingRule(source, handler, refusal) };
  const snippet = topLevelFunction(source, handler);
  return { file, snippets: snippet ? [snippet] : [], matched: false };
};

/**
 * A view's projection with the code for each of `eventTypes` marked (the events a row was built
 * from), followed by the helpers those marked lines call. Null for a view the app does not have.
 */
export const viewCode = (viewName: string, eventTypes: readonly string[]): Code | null => {
  if (!isViewName(viewName)) return null;
  const { file, source, projection } = VIEW_PROJECTIONS[viewName];
  const snippet = caseClauses(source, projection, eventTypes);
  return snippet && { file, snippets: [snippet, ...helpersOf(source, snippet)] };
};

/**
 * Where an event type goes and comes from: each view whose projection has code for it (as in
 * `viewCode`), and each command handler that names it, with those lines marked.
 */
export const eventCode = (
  eventType: string,
): {
  views: (Code & { view: ViewName })[];
  commands: (Code & { command: CommandType })[];
} => ({
  views: entriesOf(VIEW_PROJECTIONS).flatMap(([view]) => {
    const code = viewCode(view, [eventType]);
    return code?.snippets[0]?.marked.length ? [{ view, ...code }] : [];
  }),
  commands: entriesOf(COMMAND_HANDLERS).flatMap(([command, { file, source, handler }]) => {
    const snippet = mentioning(source, handler, eventType);
    return snippet ? [{ command, file, snippets: [snippet] }] : [];
  }),
});

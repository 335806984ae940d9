import { describe, expect, it } from 'vitest';
import { bankDomain } from '../domain/bank/bank.decider';
import { bankCommandSchema, bankCommandSchemas, type BankCommand } from '../domain/bank/commands';
import { BANK_EVENT_TYPES } from '../domain/bank/events';
import { addProduct, orderCommand, placeOrder } from '../domain/shop/fixtures';
import { shopCommandSchemas, type ShopCommand } from '../domain/shop/commands';
import { SHOP_EVENT_TYPES } from '../domain/shop/events';
import { shopDomain } from '../domain/shop/shop.decider';
import { DomainError, type WriteDomain } from '../domain/types';
import { projections, VIEW_NAMES, type ViewName } from '../domain/views';
import { ConcurrencyError } from '../eventstore/errors';
import { caseClause, type Snippet } from './extract';
import { COMMAND_HANDLERS, commandCode, eventCode, viewCode, type Code } from './sources';

// The files as they are on disk, read apart from the table under test.
const files = import.meta.glob<string>('../domain/**/*.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const fileText = (file: string) => files[file.replace(/^src\//, '../')] ?? '';

/** Every snippet is exactly its lines of the file it claims to come from. */
const expectSlicesOfFile = (code: Code | null) => {
  const lines = fileText(code?.file ?? '').split('\n');
  expect(lines.length).toBeGreaterThan(1);
  for (const snippet of code?.snippets ?? []) {
    const length = snippet.code.split('\n').length;
    const slice = lines.slice(snippet.firstLine - 1, snippet.firstLine - 1 + length).join('\n');
    expect(snippet.code).toBe(slice);
    expect(snippet.marked.every((line) => line >= 1 && line <= length)).toBe(true);
  }
};

const markedLines = (snippet: Snippet | null | undefined) =>
  snippet?.marked.map((line) => snippet.code.split('\n')[line - 1] ?? '') ?? [];

const COMMAND_TYPES: string[] = [...shopCommandSchemas, ...bankCommandSchemas].map(
  (schema) => schema.shape.type.value,
);
const EVENT_TYPES: string[] = [...SHOP_EVENT_TYPES, ...BANK_EVENT_TYPES];
const handles = (view: ViewName): readonly string[] => projections[view].handles;

describe('The code of a command', () => {
  it('is known for exactly the command types the app has', () =>
    expect(Object.keys(COMMAND_HANDLERS).sort()).toEqual([...COMMAND_TYPES].sort()));

  it.each(COMMAND_TYPES)('%s: the function its decider hands it to, unmarked', (type) => {
    const code = commandCode(type);
    const handler = COMMAND_HANDLERS[type as keyof typeof COMMAND_HANDLERS].handler;
    expect(code).toMatchObject({ matched: false, snippets: [{ name: handler, marked: [] }] });
    expect(code?.snippets[0]?.code).toContain(`const ${handler} = (`);
    expectSlicesOfFile(code);
    const source = fileText(code?.file ?? '');
    const dispatch =
      caseClause(source, 'decideShop', type) ?? caseClause(source, 'decideBank', type);
    expect(markedLines(dispatch).join('\n')).toContain(`return ${handler}(command, state);`);
  });

  it('is unknown for a command the app does not have', () =>
    expect(commandCode('LaunchRocket')).toBeNull());
});

const meta = { commandId: 'cmd-1', issuedAt: '2026-01-01T10:00:00.000Z' };
const openAccount = (accountId: string): BankCommand => ({
  type: 'OpenAccount',
  data: { accountId, owner: 'Ada' },
  meta,
});
const deposit = (accountId: string, amount: number): BankCommand => ({
  type: 'Deposit',
  data: { accountId, amount },
  meta,
});
const withdraw = (accountId: string, amount: number): BankCommand => ({
  type: 'Withdraw',
  data: { accountId, amount },
  meta,
});
const transfer = (from: string, to: string, amount: number): BankCommand => ({
  type: 'Transfer',
  data: { transferId: 'TRF-1', from, to, amount },
  meta,
});

/** The command, and the message the real decider refuses it with after deciding `history`. */
const refused = <S, C extends { type: string }, E>(
  domain: WriteDomain<S, C, E>,
  history: readonly C[],
  command: C,
): [string, string] => {
  const state = history.reduce(
    (before, earlier) => domain.decide(earlier, before).reduce(domain.evolve, before),
    domain.initialState(),
  );
  try {
    domain.decide(command, state);
  } catch (error) {
    if (error instanceof DomainError) return [command.type, error.message];
    throw error;
  }
  throw new Error(`${command.type} was not refused`);
};

const shop = (history: readonly ShopCommand[], command: ShopCommand) =>
  refused(shopDomain, history, command);
const bank = (history: readonly BankCommand[], command: BankCommand) =>
  refused(bankDomain, history, command);
const placed = [addProduct(), placeOrder([{ sku: 'SKU-1', quantity: 1 }])];
const funded = [openAccount('ACC-1'), deposit('ACC-1', 10)];

describe('The rule that refused a command', () => {
  it.each<[string, [string, string], string[]]>([
    [
      'an order for an unknown SKU',
      shop([], placeOrder([{ sku: 'SKU-9', quantity: 1 }])),
      ['placeOrder', 'priceLine', 'requireProduct'],
    ],
    [
      'an order line of 0',
      shop([addProduct()], placeOrder([{ sku: 'SKU-1', quantity: 0 }])),
      ['placeOrder', 'priceLine', 'requirePositiveQuantity'],
    ],
    [
      'an order for more than is in stock',
      shop([addProduct()], placeOrder([{ sku: 'SKU-1', quantity: 6 }])),
      ['placeOrder', 'priceLine'],
    ],
    [
      'an order with a SKU on two lines',
      shop(
        [addProduct()],
        placeOrder([
          { sku: 'SKU-1', quantity: 1 },
          { sku: 'SKU-1', quantity: 1 },
        ]),
      ),
      ['placeOrder'],
    ],
    ['a SKU added twice', shop([addProduct()], addProduct({ name: 'Other' })), ['addProduct']],
    ['a price of 0', shop([], addProduct({ price: 0 })), ['addProduct', 'requirePositivePrice']],
    [
      'a restock of 0',
      shop([addProduct()], { type: 'Restock', data: { sku: 'SKU-1', quantity: 0 }, meta }),
      ['restock', 'requirePositiveQuantity'],
    ],
    [
      'paying a cancelled order',
      shop([...placed, orderCommand('CancelOrder')], orderCommand('PayOrder')),
      ['payOrder'],
    ],
    [
      'paying an unknown order',
      shop([], orderCommand('PayOrder', 'ORD-9')),
      ['payOrder', 'requireOrder'],
    ],
    ['shipping an unpaid order', shop(placed, orderCommand('ShipOrder')), ['shipOrder']],
    [
      'cancelling a shipped order',
      shop(
        [...placed, orderCommand('PayOrder'), orderCommand('ShipOrder')],
        orderCommand('CancelOrder'),
      ),
      ['cancelOrder'],
    ],
    [
      'opening an account twice',
      bank([openAccount('ACC-1')], openAccount('ACC-1')),
      ['openAccount'],
    ],
    ['depositing 0', bank(funded, deposit('ACC-1', 0)), ['deposit', 'requireAmount']],
    [
      'withdrawing more than the balance',
      bank(funded, withdraw('ACC-1', 11)),
      ['withdraw', 'requireFunds'],
    ],
    ['a transfer to the same account', bank(funded, transfer('ACC-1', 'ACC-1', 1)), ['transfer']],
    [
      'a transfer to an unknown account',
      bank(funded, transfer('ACC-1', 'ACC-9', 1)),
      ['transfer', 'requireAccount'],
    ],
  ])('%s: marks each call on the way to the throw', (_, [type, message], path) => {
    const code = commandCode(type, message);
    expect(code?.matched).toBe(true);
    expect(code?.snippets.map((snippet) => snippet.name)).toEqual(path);
    expectSlicesOfFile(code);
    code?.snippets.forEach((snippet, i) => {
      const next = path[i + 1];
      const lines = markedLines(snippet);
      expect(lines.length).toBeGreaterThan(0);
      if (next) for (const line of lines) expect(line).toMatch(new RegExp(`\\b${next}\\(`));
      else expect(lines.some((line) => line.includes('throw new DomainError('))).toBe(true);
    });
  });

  it('marks the rule around a throw: its case labels or its if', () => {
    const [, cancelled] = shop([...placed, orderCommand('CancelOrder')], orderCommand('PayOrder'));
    expect(
      markedLines(commandCode('PayOrder', cancelled)?.snippets[0]).map((l) => l.trim()),
    ).toEqual([
      "case 'cancelled':",
      'throw new DomainError(`Order ${order.orderId} was cancelled, so it cannot be paid`);',
    ]);
    const [, poor] = bank(funded, withdraw('ACC-1', 11));
    const lines = markedLines(commandCode('Withdraw', poor)?.snippets[1]).map((l) => l.trim());
    expect(lines[0]).toBe('if (account.balanceCents < toCents(amount))');
    expect(lines.at(-1)).toBe(');');
  });

  it('marks both calls when the handler calls the throwing helper twice', () => {
    const [, unknown] = bank(funded, transfer('ACC-1', 'ACC-9', 1));
    expect(markedLines(commandCode('Transfer', unknown)?.snippets[0]).map((l) => l.trim())).toEqual(
      ['const from = requireAccount(state, data.from);', 'requireAccount(state, data.to);'],
    );
  });

  it('shows the handler unmarked for a refusal no rule of its decider gives', () => {
    const schema = bankCommandSchema.safeParse(transfer('ACC-1', 'ACC-1', 1));
    const conflict = new ConcurrencyError('account-ACC-1', 2, 3).message;
    for (const message of [schema.error?.issues[0]?.message ?? '', conflict]) {
      expect(message).not.toBe('');
      expect(commandCode('Transfer', message)).toMatchObject({
        file: 'src/domain/bank/bank.decider.ts',
        matched: false,
        snippets: [{ name: 'transfer', marked: [] }],
      });
    }
  });

  it('does not take one command’s refusal for another’s', () => {
    const [, cancelled] = shop([...placed, orderCommand('CancelOrder')], orderCommand('PayOrder'));
    expect(commandCode('ShipOrder', cancelled)?.matched).toBe(false);
  });
});

describe('The code of an event', () => {
  it.each(VIEW_NAMES)('%s has code marked for each event type it handles', (view) => {
    for (const type of handles(view)) {
      const code = viewCode(view, [type]);
      expectSlicesOfFile(code);
      const lines = markedLines(code?.snippets[0]);
      expect(lines.length, type).toBeGreaterThan(0);
      // Where the projection never names the type, all of `project` is marked (see caseClauses).
      const named = lines.some((line) => line.includes(`'${type}'`));
      expect(named || lines[0]?.trim().startsWith('project: ('), type).toBe(true);
    }
  });

  it.each(EVENT_TYPES)('%s is shown in exactly the views that handle it', (type) =>
    expect(eventCode(type).views.map((code) => code.view)).toEqual(
      VIEW_NAMES.filter((view) => handles(view).includes(type)),
    ),
  );

  it.each(EVENT_TYPES)('%s is named by a command handler that emits it', (type) => {
    const commands = eventCode(type).commands;
    expect(commands.length).toBeGreaterThan(0);
    for (const code of commands) {
      expectSlicesOfFile(code);
      expect(markedLines(code.snippets[0]).every((line) => line.includes(`'${type}'`))).toBe(true);
    }
  });

  it('comes from the commands that emit it', () => {
    const from = (type: string) => eventCode(type).commands.map((code) => code.command);
    expect(from('StockReserved')).toEqual(['PlaceOrder']);
    expect(from('StockReleased')).toEqual(['CancelOrder']);
    expect(from('TransferReceived')).toEqual(['Transfer']);
  });

  it('shows the helpers a case hands its work to', () =>
    expect(eventCode('OrderPaid').views.map((code) => code.snippets.map((s) => s.name))).toEqual([
      ['orderStatusProjection'],
      ['salesDashboardProjection', 'orderPaid'],
    ]));

  it('marks all of project where the projection never names the type', () => {
    const code = viewCode('Account balances', ['MoneyWithdrawn']);
    expect(markedLines(code?.snippets[0])[0]?.trim()).toBe('project: (rows, event) => {');
    expect(markedLines(code?.snippets[0]).at(-1)?.trim()).toBe('},');
  });
});

describe('The code of a view row', () => {
  it('marks the code of every event it was built from, and its helpers', () => {
    const code = viewCode('Sales dashboard', ['OrderPlaced', 'OrderPaid']);
    expect(code?.file).toBe('src/domain/shop/salesDashboard.projection.ts');
    expect(code?.snippets.map((snippet) => snippet.name)).toEqual([
      'salesDashboardProjection',
      'orderPlaced',
      'orderPaid',
    ]);
    expect(markedLines(code?.snippets[0]).map((line) => line.trim())).toEqual([
      "case 'OrderPlaced':",
      'return orderPlaced(rows, event);',
      "case 'OrderPaid':",
      'return orderPaid(rows, event);',
    ]);
    expectSlicesOfFile(code);
  });

  it('shows the projection unmarked for events it does not handle', () =>
    expect(viewCode('Order status', ['ProductAdded'])).toMatchObject({
      snippets: [{ name: 'orderStatusProjection', marked: [] }],
    }));

  it('is unknown for a view the app does not have', () => expect(viewCode('Nope', [])).toBeNull());
});

import { runAll } from '../testing/run';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { specFor } from '../testing/given';
import { bankDomain, type BankState } from './bank.decider';
import type { BankCommand } from './commands';
import type { BankEvent } from './events';

const given = specFor(bankDomain);
const meta = { commandId: 'c1', issuedAt: '2026-01-01T09:00:00.000Z' };
const opened = (accountId: string, owner = 'Ada'): BankEvent => ({
  type: 'AccountOpened',
  data: { accountId, owner, openedAt: meta.issuedAt },
});
const deposited = (accountId: string, amount: number): BankEvent => ({
  type: 'MoneyDeposited',
  data: { accountId, amount },
});
const transfer = (from: string, to: string, amount: number): BankCommand => ({
  type: 'Transfer',
  data: { transferId: 'TRF-1', from, to, amount },
  meta,
});

describe('Account', () => {
  describe('When it does not exist', () => {
    it('can be opened', () =>
      given([])
        .when({ type: 'OpenAccount', data: { accountId: 'ACC-1', owner: 'Ada' }, meta })
        .then([opened('ACC-1')]));

    it.each<BankCommand>([
      { type: 'Deposit', data: { accountId: 'ACC-9', amount: 1 }, meta },
      { type: 'Withdraw', data: { accountId: 'ACC-9', amount: 1 }, meta },
    ])('refuses $type', (command) =>
      given([]).when(command).thenThrows('There is no account ACC-9'),
    );
  });

  describe('When open', () => {
    it('cannot be opened again', () =>
      given([opened('ACC-1')])
        .when({ type: 'OpenAccount', data: { accountId: 'ACC-1', owner: 'Bo' }, meta })
        .thenThrows('Account ACC-1 already exists'));

    it('takes deposits', () =>
      given([opened('ACC-1')])
        .when({ type: 'Deposit', data: { accountId: 'ACC-1', amount: 10.5 }, meta })
        .then([deposited('ACC-1', 10.5)]));

    it('refuses a deposit of 0', () =>
      given([opened('ACC-1')])
        .when({ type: 'Deposit', data: { accountId: 'ACC-1', amount: 0 }, meta })
        .thenThrows(/more than 0/));

    it('pays out what it holds', () =>
      given([opened('ACC-1'), deposited('ACC-1', 30)])
        .when({ type: 'Withdraw', data: { accountId: 'ACC-1', amount: 30 }, meta })
        .then([{ type: 'MoneyWithdrawn', data: { accountId: 'ACC-1', amount: 30 } }]));

    it('never goes below zero', () =>
      given([opened('ACC-1'), deposited('ACC-1', 30)])
        .when({ type: 'Withdraw', data: { accountId: 'ACC-1', amount: 50 }, meta })
        .thenThrows('Not enough money in ACC-1: 30.00 available, 50.00 requested'));
  });
});

describe('Transfer', () => {
  const twoAccounts = [opened('ACC-1'), opened('ACC-2', 'Bo'), deposited('ACC-1', 100)];

  it('moves money as two facts, one on each account', () =>
    given(twoAccounts)
      .when(transfer('ACC-1', 'ACC-2', 40))
      .then([
        {
          type: 'TransferSent',
          data: { transferId: 'TRF-1', from: 'ACC-1', to: 'ACC-2', amount: 40 },
        },
        {
          type: 'TransferReceived',
          data: { transferId: 'TRF-1', from: 'ACC-1', to: 'ACC-2', amount: 40 },
        },
      ]));

  it('is refused when the sender has too little', () =>
    given(twoAccounts)
      .when(transfer('ACC-1', 'ACC-2', 100.01))
      .thenThrows(/Not enough money in ACC-1/));

  it('needs two different accounts', () =>
    given(twoAccounts)
      .when(transfer('ACC-1', 'ACC-1', 1))
      .thenThrows(/two different accounts/));

  it('needs the receiving account to exist', () =>
    given(twoAccounts)
      .when(transfer('ACC-1', 'ACC-3', 1))
      .thenThrows('There is no account ACC-3'));

  it('writes to both account streams', () => {
    const state = twoAccounts.reduce(bankDomain.evolve, bankDomain.initialState());
    expect(
      bankDomain.decide(transfer('ACC-1', 'ACC-2', 1), state).map(bankDomain.streamOf),
    ).toEqual(['account-ACC-1', 'account-ACC-2']);
  });
});

describe('Bank invariants', () => {
  const accounts = ['ACC-1', 'ACC-2', 'ACC-3'];
  const cents = fc.integer({ min: 1, max: 50_000 }).map((c) => c / 100);
  const command: fc.Arbitrary<BankCommand> = fc.oneof(
    fc.constantFrom(...accounts).map((accountId) => ({
      type: 'OpenAccount' as const,
      data: { accountId, owner: 'x' },
      meta,
    })),
    fc
      .record({ accountId: fc.constantFrom(...accounts), amount: cents })
      .map((data) => ({ type: 'Deposit' as const, data, meta })),
    fc
      .record({ accountId: fc.constantFrom(...accounts), amount: cents })
      .map((data) => ({ type: 'Withdraw' as const, data, meta })),
    fc
      .record({
        from: fc.constantFrom(...accounts),
        to: fc.constantFrom(...accounts),
        amount: cents,
      })
      .map((d) => ({ type: 'Transfer' as const, data: { ...d, transferId: 'T' }, meta })),
  );

  const run = (commands: readonly BankCommand[]) => runAll(bankDomain, commands);

  const total = (state: BankState) =>
    Object.values(state.accounts).reduce((sum, a) => sum + a.balanceCents, 0);

  it('no balance ever goes below zero', () =>
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        for (const account of Object.values(run(commands).state.accounts))
          expect(account.balanceCents).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 1000 },
    ));

  it('transfers conserve money: the total is deposits minus withdrawals', () =>
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        const { state, log } = run(commands);
        const net = log.reduce(
          (sum, e) =>
            e.type === 'MoneyDeposited'
              ? sum + Math.round(e.data.amount * 100)
              : e.type === 'MoneyWithdrawn'
                ? sum - Math.round(e.data.amount * 100)
                : sum,
          0,
        );
        expect(total(state)).toBe(net);
      }),
      { numRuns: 1000 },
    ));

  it('replaying the log gives the state the decisions were taken on', () =>
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        const { state, log } = run(commands);
        expect(log.reduce(bankDomain.evolve, bankDomain.initialState())).toEqual(state);
      }),
      { numRuns: 1000 },
    ));
});

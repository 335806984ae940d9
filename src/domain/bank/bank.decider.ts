// The bank's rules: a stream per account; a balance never goes below zero; a transfer moves money
// between two account streams in one atomic append, so money is never created or lost.
import { formatMoney, fromCents, hasAtMostTwoDecimals, toCents } from '../money';
import { assertNever, DomainError, own, type WriteDomain } from '../types';
import type { BankCommand, BankCommandOf } from './commands';
import { accountStream, streamOfBankEvent, type BankEvent } from './events';

export type Account = { accountId: string; owner: string; balanceCents: number };
export type BankState = { accounts: Record<string, Account> };

export const initialBankState = (): BankState => ({ accounts: {} });

const requireAccount = (state: BankState, accountId: string): Account => {
  const account = own(state.accounts, accountId);
  if (!account) throw new DomainError(`There is no account ${accountId}`);
  return account;
};

const requireAmount = (amount: number) => {
  if (!(amount > 0) || !hasAtMostTwoDecimals(amount))
    throw new DomainError(`The amount must be more than 0 in whole cents, not ${amount}`);
};

const requireFunds = (account: Account, amount: number) => {
  if (account.balanceCents < toCents(amount))
    throw new DomainError(
      `Not enough money in ${account.accountId}: ${formatMoney(fromCents(account.balanceCents))} available, ${formatMoney(amount)} requested`,
    );
};

const openAccount = (
  { data, meta }: BankCommandOf<'OpenAccount'>,
  state: BankState,
): BankEvent[] => {
  if (own(state.accounts, data.accountId))
    throw new DomainError(`Account ${data.accountId} already exists`);
  return [{ type: 'AccountOpened', data: { ...data, openedAt: meta.issuedAt } }];
};

const deposit = ({ data }: BankCommandOf<'Deposit'>, state: BankState): BankEvent[] => {
  requireAccount(state, data.accountId);
  requireAmount(data.amount);
  return [{ type: 'MoneyDeposited', data: { ...data } }];
};

const withdraw = ({ data }: BankCommandOf<'Withdraw'>, state: BankState): BankEvent[] => {
  const account = requireAccount(state, data.accountId);
  requireAmount(data.amount);
  requireFunds(account, data.amount);
  return [{ type: 'MoneyWithdrawn', data: { ...data } }];
};

const transfer = ({ data }: BankCommandOf<'Transfer'>, state: BankState): BankEvent[] => {
  if (data.from === data.to) throw new DomainError('A transfer needs two different accounts');
  const from = requireAccount(state, data.from);
  requireAccount(state, data.to);
  requireAmount(data.amount);
  requireFunds(from, data.amount);
  return [
    { type: 'TransferSent', data: { ...data } },
    { type: 'TransferReceived', data: { ...data } },
  ];
};

export const decideBank = (command: BankCommand, state: BankState): BankEvent[] => {
  switch (command.type) {
    case 'OpenAccount':
      return openAccount(command, state);
    case 'Deposit':
      return deposit(command, state);
    case 'Withdraw':
      return withdraw(command, state);
    case 'Transfer':
      return transfer(command, state);
    default:
      return assertNever(command);
  }
};

const adjust = (state: BankState, accountId: string, cents: number): BankState => {
  const account = own(state.accounts, accountId);
  if (!account) return state;
  const next = { ...account, balanceCents: account.balanceCents + cents };
  return { accounts: { ...state.accounts, [accountId]: next } };
};

export const evolveBank = (state: BankState, event: BankEvent): BankState => {
  switch (event.type) {
    case 'AccountOpened': {
      const { accountId, owner } = event.data;
      return {
        accounts: { ...state.accounts, [accountId]: { accountId, owner, balanceCents: 0 } },
      };
    }
    case 'MoneyDeposited':
      return adjust(state, event.data.accountId, toCents(event.data.amount));
    case 'MoneyWithdrawn':
      return adjust(state, event.data.accountId, -toCents(event.data.amount));
    case 'TransferSent':
      return adjust(state, event.data.from, -toCents(event.data.amount));
    case 'TransferReceived':
      return adjust(state, event.data.to, toCents(event.data.amount));
    default:
      return assertNever(event);
  }
};

export const streamsOfBankCommand = (command: BankCommand): string[] => {
  switch (command.type) {
    case 'OpenAccount':
    case 'Deposit':
    case 'Withdraw':
      return [accountStream(command.data.accountId)];
    case 'Transfer':
      return [...new Set([accountStream(command.data.from), accountStream(command.data.to)])];
    default:
      return assertNever(command);
  }
};

export const combineBank = (parts: readonly BankState[]): BankState => ({
  accounts: Object.assign({}, ...parts.map((p) => p.accounts)) as BankState['accounts'],
});

export const bankDomain: WriteDomain<BankState, BankCommand, BankEvent> = {
  initialState: initialBankState,
  decide: decideBank,
  evolve: evolveBank,
  streamOf: streamOfBankEvent,
  streamsOf: streamsOfBankCommand,
  combine: combineBank,
};

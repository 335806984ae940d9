// Account balances: one row per account, shaped for "how much is in it?".
import { fromCents, toCents } from '../money';
import type { Projection } from '../projection';
import type { BankEvent } from './events';

export type AccountBalanceRow = {
  accountId: string;
  owner: string;
  balance: number;
  lastPosition: number;
};

const keysOf = (event: BankEvent): string[] => {
  switch (event.type) {
    case 'TransferSent':
      return [event.data.from];
    case 'TransferReceived':
      return [event.data.to];
    default:
      return [event.data.accountId];
  }
};

export const accountBalancesProjection: Projection<AccountBalanceRow, BankEvent> = {
  name: 'Account balances',
  handles: [
    'AccountOpened',
    'MoneyDeposited',
    'MoneyWithdrawn',
    'TransferSent',
    'TransferReceived',
  ],
  keysOf,
  project: (rows, event) => {
    const [key] = keysOf(event);
    if (key === undefined) return {};
    if (event.type === 'AccountOpened')
      return {
        [key]: {
          accountId: key,
          owner: event.data.owner,
          balance: 0,
          lastPosition: event.position,
        },
      };
    const row = rows[key];
    if (!row) return {};
    const sign = event.type === 'MoneyDeposited' || event.type === 'TransferReceived' ? 1 : -1;
    const balance = fromCents(toCents(row.balance) + sign * toCents(event.data.amount));
    return { [key]: { ...row, balance, lastPosition: event.position } };
  },
};

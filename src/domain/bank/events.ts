// Bank facts. A transfer is two facts, one on each account's stream, appended together.

type Fact<T extends string, D> = { type: T; data: D };
type TransferLeg<T extends string> = Fact<
  T,
  { transferId: string; from: string; to: string; amount: number }
>;

export type BankEvent =
  | Fact<'AccountOpened', { accountId: string; owner: string; openedAt: string }>
  | Fact<'MoneyDeposited', { accountId: string; amount: number }>
  | Fact<'MoneyWithdrawn', { accountId: string; amount: number }>
  | TransferLeg<'TransferSent'>
  | TransferLeg<'TransferReceived'>;

export const BANK_EVENT_TYPES = [
  'AccountOpened',
  'MoneyDeposited',
  'MoneyWithdrawn',
  'TransferSent',
  'TransferReceived',
] as const satisfies readonly BankEvent['type'][];

export const accountStream = (accountId: string): string => `account-${accountId}`;

export const streamOfBankEvent = (event: BankEvent): string => {
  switch (event.type) {
    case 'AccountOpened':
    case 'MoneyDeposited':
    case 'MoneyWithdrawn':
      return accountStream(event.data.accountId);
    case 'TransferSent':
      return accountStream(event.data.from);
    case 'TransferReceived':
      return accountStream(event.data.to);
  }
};

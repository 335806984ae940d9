// Bank commands: the domain where reading a stale balance can cost real money.
import { z } from 'zod';
import { commandOf, identifier, moneySchema, textField } from '../schemas';

export const accountIdSchema = identifier('Account', 'ACC-1');
export const amountSchema = moneySchema('Amount');

export const openAccountData = z.object({
  accountId: accountIdSchema,
  owner: textField('Owner', 100),
});
export const moneyMoveData = z.object({ accountId: accountIdSchema, amount: amountSchema });
export const transferData = z
  .object({
    transferId: identifier('Transfer', 'TRF-1'),
    from: identifier('From account', 'ACC-1'),
    to: identifier('To account', 'ACC-2'),
    amount: amountSchema,
  })
  .refine((t) => t.from !== t.to, {
    path: ['to'],
    message: 'Choose a different account to transfer to',
  });

export const bankCommandSchemas = [
  commandOf('OpenAccount', openAccountData),
  commandOf('Deposit', moneyMoveData),
  commandOf('Withdraw', moneyMoveData),
  commandOf('Transfer', transferData),
] as const;

export const bankCommandSchema = z.discriminatedUnion('type', bankCommandSchemas, {
  error: 'Unknown command',
});

export type BankCommand = z.infer<typeof bankCommandSchema>;
export type BankCommandOf<T extends BankCommand['type']> = Extract<BankCommand, { type: T }>;

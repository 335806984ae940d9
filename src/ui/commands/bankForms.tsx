import { moneyMoveData, openAccountData, transferData } from '../../domain/bank/commands';
import { CommandForm, type FieldSpec } from './CommandForm';
import { newId } from './suggestions';

const account: FieldSpec = {
  name: 'accountId',
  label: 'Account',
  placeholder: 'e.g. ACC-1',
  suggest: 'Account balances',
};
const amount: FieldSpec = {
  name: 'amount',
  label: 'Amount',
  placeholder: 'e.g. 50',
  numeric: true,
};

export const BankForms = () => (
  <>
    <CommandForm
      title="Open account"
      fields={[
        { ...account, suggest: undefined },
        { name: 'owner', label: 'Owner', placeholder: 'e.g. Ada' },
      ]}
      schema={openAccountData}
      toCommand={(data) => ({ type: 'OpenAccount', data })}
    />
    <CommandForm
      title="Deposit"
      fields={[account, amount]}
      schema={moneyMoveData}
      toCommand={(data) => ({ type: 'Deposit', data })}
    />
    <CommandForm
      title="Withdraw"
      fields={[account, amount]}
      schema={moneyMoveData}
      toCommand={(data) => ({ type: 'Withdraw', data })}
    />
    <CommandForm
      title="Transfer"
      fields={[
        { ...account, name: 'from', label: 'From account' },
        { ...account, name: 'to', label: 'To account', placeholder: 'e.g. ACC-2' },
        amount,
      ]}
      schema={transferData}
      generated={() => ({ transferId: newId('TRF') })}
      toCommand={(data) => ({ type: 'Transfer', data })}
    />
  </>
);

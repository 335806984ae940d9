// One line per message in flight, for the learner.
import type { TraceMessage } from '../../bus/protocol';
import type { LabCommand } from '../../domain/lab';

/** A command and what it is about: the order, product or account it names. */
const commandLine = ({ type, data }: LabCommand) => {
  const id =
    'orderId' in data
      ? data.orderId
      : 'sku' in data
        ? data.sku
        : 'accountId' in data
          ? data.accountId
          : '';
  return id ? `${type} ${id}` : type;
};

export const describeMessage = (message: TraceMessage): string => {
  switch (message.kind) {
    case 'command':
      return commandLine(message.payload);
    case 'events': {
      const { count, first, last } = message.payload;
      return count === 1 ? `event #${first}` : `${count} events #${first}–#${last}`;
    }
    case 'outcome':
      return `outcome: ${message.payload.status}`;
    case 'query':
      return 'query';
    case 'answer':
      return 'answer';
  }
};

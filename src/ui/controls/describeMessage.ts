// One line per message in flight, for the learner.
import type { Message } from '../../bus/messages';

const commandLine = (payload: unknown) => {
  const command = payload as { type?: string; data?: Record<string, unknown> };
  const id = command.data?.orderId ?? command.data?.sku ?? command.data?.accountId ?? '';
  return `${command.type ?? 'command'}${typeof id === 'string' && id ? ` ${id}` : ''}`;
};

export const describeMessage = (message: Message): string => {
  switch (message.kind) {
    case 'command':
      return commandLine(message.payload);
    case 'events': {
      const { count, first, last } = message.payload as {
        count: number;
        first: number;
        last: number;
      };
      return count === 1 ? `event #${first}` : `${count} events #${first}–#${last}`;
    }
    case 'outcome': {
      const outcome = message.payload as { status: string };
      return `outcome: ${outcome.status}`;
    }
    case 'query':
      return 'query';
    case 'answer':
      return 'answer';
  }
};

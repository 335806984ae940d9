import type { MessageKind } from '../../bus/protocol';

/** Each kind of message has its own shape and colour (never colour alone). */
export const KIND_LABEL: Record<MessageKind, string> = {
  command: 'Command',
  events: 'Events',
  query: 'Query',
  answer: 'Answer',
  outcome: 'Outcome',
};

export const TokenShape = ({
  kind,
  x,
  y,
  size = 7,
}: {
  kind: MessageKind;
  x: number;
  y: number;
  size?: number;
}) => {
  const className = `token token-${kind}`;
  switch (kind) {
    case 'command':
      return (
        <rect
          className={className}
          x={x - size}
          y={y - size}
          width={size * 2}
          height={size * 2}
          rx={2}
        />
      );
    case 'events':
      return <circle className={className} cx={x} cy={y} r={size} />;
    case 'query':
      return (
        <polygon
          className={className}
          points={`${x},${y - size - 2} ${x + size + 2},${y} ${x},${y + size + 2} ${x - size - 2},${y}`}
        />
      );
    case 'answer':
    case 'outcome':
      return (
        <polygon
          className={className}
          points={`${x - size},${y + size} ${x + size},${y + size} ${x},${y - size}`}
        />
      );
  }
};

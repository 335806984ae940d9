// Chapter 15's flow: the fulfilment worker and the process manager, the events that reach the
// manager after each append, and the commands still in its outbox drawn on the commands' edge. Drawn
// in the bench, not in the lab's Flow panel: this process runs on a log of its own.
import type { ManagerState } from '../../process/processManager';
import { TokenShape } from '../flow/shapes';

// Drawn upright, so that it stays legible on a phone: fulfilment above, the manager below.
const WIDTH = 320;
const HEIGHT = 250;
const TOP = { x: 160, y: 32 };
const BOTTOM = { x: 160, y: 218 };
const BOX = { width: 200, height: 54 };
/** Where the events go down and the commands come up. */
const EVENTS_X = 125;
const COMMANDS_X = 195;

const Box = ({
  at,
  title,
  detail,
  down = false,
}: {
  at: { x: number; y: number };
  title: string;
  detail: string;
  down?: boolean;
}) => (
  <g className={`node node-part${down ? ' down' : ''}`}>
    <rect
      x={at.x - BOX.width / 2}
      y={at.y - BOX.height / 2}
      width={BOX.width}
      height={BOX.height}
      rx={8}
    />
    <text x={at.x} y={at.y - 4} textAnchor="middle">
      {title}
    </text>
    <text x={at.x} y={at.y + 15} textAnchor="middle" className="node-detail">
      {detail}
    </text>
  </g>
);

export const FulfilmentFlow = ({
  manager,
  killed,
}: {
  /** What the manager saved and holds (null while it is not answering). */
  manager: ManagerState | null;
  killed: boolean;
}) => {
  const outbox = manager?.outbox ?? [];
  const from = TOP.y + BOX.height / 2;
  const to = BOTTOM.y - BOX.height / 2;
  const summary = killed
    ? 'The process manager is not answering: the watchdog will start it again from what it saved.'
    : manager
      ? `Fulfilment’s events reach the process manager after each append, and its commands go to fulfilment, each under its id. It has reacted up to #${String(manager.checkpoint)}, and ${String(outbox.length)} command${outbox.length === 1 ? ' is' : 's are'} still in its outbox, not yet marked answered: ${outbox.map((e) => `${e.command.type} ${'orderId' in e.command ? e.command.orderId : ''}`).join(', ') || 'none'}.`
      : 'Starting…';
  return (
    <figure className="flow fulfilment-flow" aria-label="Flow of fulfilment">
      <svg
        viewBox={`0 0 ${String(WIDTH)} ${String(HEIGHT)}`}
        className="flow-diagram"
        aria-hidden="true"
      >
        <line className="edge" x1={EVENTS_X} y1={from} x2={EVENTS_X} y2={to} />
        <text x={EVENTS_X - 8} y={(from + to) / 2} textAnchor="end" className="edge-label">
          events ↓
        </text>
        <line className="edge" x1={COMMANDS_X} y1={to} x2={COMMANDS_X} y2={from} />
        <text x={COMMANDS_X + 8} y={(from + to) / 2} textAnchor="start" className="edge-label">
          ↑ commands
        </text>
        {outbox.map((envelope, i) => (
          <TokenShape key={envelope.commandId} kind="command" x={COMMANDS_X} y={to - 16 - i * 22} />
        ))}
        <Box at={TOP} title="Fulfilment" detail="order · stock · payment" />
        <Box
          at={BOTTOM}
          title="Process manager"
          detail={
            killed
              ? 'not answering'
              : manager
                ? `checkpoint #${String(manager.checkpoint)} · outbox ${String(outbox.length)}`
                : 'starting'
          }
          down={killed}
        />
      </svg>
      <figcaption className="explain">{summary}</figcaption>
    </figure>
  );
};

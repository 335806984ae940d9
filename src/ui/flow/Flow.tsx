import { useMemo, useState } from 'react';
import { UI, WRITE_MODEL } from '../../bus/protocol';
import { VIEW_NAMES } from '../../domain/views';
import { byDue, pointAlong, queueSizes, tokenProgress } from '../../state/flow';
import { useDownParts, useMessages } from '../../state/stores';
import { describeMessage } from '../controls/describeMessage';
import { FlowDetails, type Selection } from './FlowDetails';
import { at, BUS, EVENT_STORE, HEIGHT, NODES, partLabel, pathOf, WIDTH } from './layout';
import { KIND_LABEL, TokenShape } from './shapes';
import { prefersReducedMotion, useVirtualNow } from './useVirtualNow';
import { usePaced } from '../paced';
import { useSettings } from '../../state/settings';
import { viewsLag, type DesignId } from '../design/designText';

const MAX_TOKENS = 60;

/** What the diagram shows of the design in use, beyond the messages. */
const FLOW_NOTE: Record<DesignId, string> = {
  'one-model':
    'In this design no events travel: the lines from the store to the queries are reads of the same tables the model’s commands update.',
  'same-transaction':
    'In this design no events travel: the lines from the store to the views are the rows the write model updates in each command’s transaction.',
  'after-commit':
    'In this design the bus carries each write’s events to the views after the commit; a view that missed some reads them from the outbox, written in the command’s transaction.',
  'event-sourced':
    'In this design the bus carries the new events to the views after each append commits; a view that missed some reads them from the log.',
};

const Node = ({
  name,
  label = name,
  selected,
  down,
  onSelect,
}: {
  name: string;
  /** The text drawn in the box (the store's depends on the design). */
  label?: string;
  selected: boolean;
  /** Its worker stopped answering. */
  down: boolean;
  onSelect: () => void;
}) => {
  const { x, y } = at(name);
  const width = name === BUS ? 90 : 124;
  return (
    <g
      role="button"
      tabIndex={0}
      aria-label={`${label}${down ? ' (not answering)' : ''}: show details`}
      aria-pressed={selected}
      className={`node node-${name === BUS ? 'bus' : 'part'}${selected ? ' selected' : ''}${down ? ' down' : ''}`}
      onClick={onSelect}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect();
        }
      }}
    >
      <rect x={x - width / 2} y={y - 17} width={width} height={34} rx={8} />
      <text x={x} y={y + 4} textAnchor="middle">
        {label}
      </text>
      {down && (
        <text x={x} y={y + 32} textAnchor="middle" className="node-down-label">
          not answering
        </text>
      )}
    </g>
  );
};

/** The system as configured, with every message in flight drawn on its way. */
export const Flow = () => {
  const pendingById = usePaced(useMessages, (s) => s.pending);
  const pending = useMemo(() => Object.values(pendingById).sort(byDue), [pendingById]);
  const now = useVirtualNow(pending.length > 0);
  const [selection, setSelection] = useState<Selection | null>(null);
  const down = useDownParts((s) => s.down);
  const queues = useMemo(() => queueSizes(pending), [pending]);
  const shown = pending.slice(0, MAX_TOKENS);
  const receivers = [WRITE_MODEL, UI, ...VIEW_NAMES];
  const design = useSettings((s) => s.design);
  const reduced = prefersReducedMotion();
  /** The views are written with the commit (or are queries on the store): drawn joined to it. */
  const inWrite = !viewsLag(design);

  const select = (next: Selection) =>
    setSelection((current) =>
      current && JSON.stringify(current) === JSON.stringify(next) ? null : next,
    );

  return (
    <section aria-label="Flow" className="panel flow">
      <h2>Flow</h2>
      <p className="explain">
        Every message travels through the bus. Squares are commands, circles events, diamonds
        queries, triangles replies. Select a part or a message to see what it is.{' '}
        {FLOW_NOTE[design]}
      </p>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="flow-diagram"
        role="group"
        aria-label="System diagram"
      >
        <line
          className="edge edge-append"
          x1={at(WRITE_MODEL).x}
          y1={at(WRITE_MODEL).y}
          x2={at(EVENT_STORE).x}
          y2={at(EVENT_STORE).y}
        />
        {inWrite &&
          VIEW_NAMES.map((name) => (
            <line
              key={`store-${name}`}
              className="edge edge-append"
              x1={at(EVENT_STORE).x}
              y1={at(EVENT_STORE).y}
              x2={at(name).x}
              y2={at(name).y}
            />
          ))}
        {receivers.map((name) => (
          <line
            key={name}
            className="edge"
            x1={at(BUS).x}
            y1={at(BUS).y}
            x2={at(name).x}
            y2={at(name).y}
          />
        ))}
        {Object.keys(NODES).map((name) => (
          <Node
            key={name}
            name={name}
            label={partLabel(name, design)}
            selected={selection?.kind === 'node' && selection.name === name}
            down={down.includes(name)}
            onSelect={() => select({ kind: 'node', name })}
          />
        ))}
        {receivers.map((name) => {
          const size = queues[name] ?? 0;
          if (size === 0) return null;
          const p = pointAlong([at(BUS), at(name)], 0.82);
          return (
            <g
              key={`q-${name}`}
              className="queue-badge"
              aria-label={`${size} waiting for ${name}`}
              role="img"
            >
              <circle cx={p.x} cy={p.y - 16} r={10} />
              <text x={p.x} y={p.y - 12} textAnchor="middle">
                {size > 99 ? '99+' : size}
              </text>
            </g>
          );
        })}
        {shown.map((message) => {
          const { progress, waiting } = tokenProgress(message, now);
          // With reduced motion a token sits still on its receiver's leg until it is delivered.
          const along = waiting ? 0.93 : reduced ? 0.75 : progress * 0.93;
          const p = pointAlong(pathOf(message.from, message.to), along);
          const label = `${KIND_LABEL[message.kind]} #${message.id} from ${message.from} to ${message.to}: ${describeMessage(message)}`;
          return (
            <g
              key={message.id}
              role="button"
              tabIndex={0}
              aria-label={label}
              data-edge={`${message.from} → ${message.to}`}
              data-kind={message.kind}
              className={`token-group${waiting ? ' waiting' : ''}`}
              onClick={() => select({ kind: 'message', id: message.id })}
              onKeyDown={(e) => {
                if (e.key === 'Enter') select({ kind: 'message', id: message.id });
              }}
            >
              <title>{label}</title>
              <TokenShape kind={message.kind} x={p.x} y={p.y} />
            </g>
          );
        })}
      </svg>
      {pending.length > MAX_TOKENS && (
        <p className="muted">
          Drawing the next {MAX_TOKENS} of {pending.length.toLocaleString('en-US')} messages.
        </p>
      )}
      <ul className="legend" aria-label="Legend">
        {(['command', 'events', 'query', 'outcome'] as const).map((kind) => (
          <li key={kind}>
            <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
              <TokenShape kind={kind} x={9} y={9} size={6} />
            </svg>
            {kind === 'outcome' ? 'Reply (outcome or answer)' : KIND_LABEL[kind]}
          </li>
        ))}
      </ul>
      {selection && <FlowDetails selection={selection} now={now} />}
    </section>
  );
};

import { UI, WRITE_MODEL } from '../../bus/protocol';
import { VIEW_NAMES } from '../../domain/views';
import { useClock, useTimeline } from '../../state/stores';
import { inconsistencyWindows, isAnswerBehind, type DeliveredMessage } from '../../state/timeline';
import { KIND_LABEL } from '../flow/shapes';
import { usePaced } from '../paced';

const LANES = [UI, WRITE_MODEL, ...VIEW_NAMES];
const SHOWN = 40;
const LEFT = 130;
const WIDTH = 880;
const LANE_GAP = 34;
const TOP = 24;
const HEIGHT = TOP + LANES.length * LANE_GAP;

const laneY = (lane: string) => TOP + Math.max(0, LANES.indexOf(lane)) * LANE_GAP;
const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

/** A sequence diagram in virtual time: a lane per component, an arrow per delivered message. */
export const Timeline = () => {
  const record = usePaced(useTimeline, (s) => s);
  const now = usePaced(useClock, (s) => s.now);
  const recent = record.delivered.slice(-SHOWN);
  const start = Math.min(now, ...recent.map((d) => d.sentAt));
  const end = Math.max(now, start + 1, ...recent.map((d) => d.deliveredAt));
  const x = (t: number) => LEFT + ((t - start) / (end - start)) * (WIDTH - LEFT - 16);
  // Only appends that can still show: those since the first arrow drawn, or still open.
  const lastCheckpoint = record.checkpoints.at(-1)?.checkpoint ?? 0;
  const relevant = {
    ...record,
    appends: record.appends.filter((a) => a.at >= start || a.last > lastCheckpoint - 1_000),
  };
  const windows = inconsistencyWindows(relevant, VIEW_NAMES).filter((w) => (w.to ?? now) >= start);
  const current = recent.at(-1);

  const arrow = (d: DeliveredMessage) => {
    const behind = isAnswerBehind(d);
    const label = `${KIND_LABEL[d.kind]} #${d.id}, ${d.from} → ${d.to}, sent ${seconds(d.sentAt)}, delivered ${seconds(d.deliveredAt)}${behind ? ': answered behind the head, possibly stale' : ''}`;
    return (
      <g
        key={d.id}
        className={`arrow arrow-${d.kind}${behind ? ' behind' : ''}${d.id === current?.id ? ' current' : ''}`}
        role="img"
        aria-label={label}
        data-kind={d.kind}
        data-behind={behind}
      >
        <title>{label}</title>
        <line
          x1={x(d.sentAt)}
          y1={laneY(d.from)}
          x2={x(d.deliveredAt)}
          y2={laneY(d.to)}
          markerEnd="url(#arrowhead)"
        />
        {behind && (
          <text x={x(d.deliveredAt) + 4} y={laneY(d.to) - 6} className="behind-label">
            behind
          </text>
        )}
      </g>
    );
  };

  return (
    <section aria-label="Timeline" className="panel timeline">
      <h2>Timeline</h2>
      <p className="explain">
        Time runs left to right. Shaded spans are <strong>inconsistency windows</strong>: a view
        does not yet know changes the write side has already committed. An answer served inside one
        is possibly stale: stale if an event it missed changes what was asked.
      </p>
      {/* The note sits over the empty diagram, so nothing below moves when the first arrow comes. */}
      <div className="overlay-frame">
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          className="timeline-diagram"
          role="group"
          aria-label="Sequence diagram"
        >
          <defs>
            <marker
              id="arrowhead"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="6"
              markerHeight="6"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" className="arrowhead" />
            </marker>
          </defs>
          {LANES.map((lane) => (
            <g key={lane} className="lane">
              <text x={8} y={laneY(lane) + 4}>
                {lane}
              </text>
              <line x1={LEFT} y1={laneY(lane)} x2={WIDTH - 8} y2={laneY(lane)} />
            </g>
          ))}
          {windows.map((w) => {
            const open = w.to === null;
            const from = Math.max(start, w.from);
            const label = `${w.view} did not know #${w.first}–#${w.last} from ${seconds(w.from)} ${open ? 'until now' : `to ${seconds(w.to ?? now)}`}`;
            return (
              <rect
                key={`${w.view}-${w.first}`}
                className={`window${open ? ' open' : ''}`}
                x={x(from)}
                y={laneY(w.view) - 10}
                width={Math.max(2, x(w.to ?? now) - x(from))}
                height={20}
                role="img"
                aria-label={label}
                data-view={w.view}
                data-open={open}
              >
                <title>{label}</title>
              </rect>
            );
          })}
          {recent.map(arrow)}
          <line className="now" x1={x(now)} y1={8} x2={x(now)} y2={HEIGHT - 4} />
          <text className="now-label" x={x(now) - 4} y={12} textAnchor="end">
            now {seconds(now)}
          </text>
        </svg>
        {recent.length === 0 && (
          <p className="empty overlay-note">Deliveries will appear here as messages arrive.</p>
        )}
      </div>
    </section>
  );
};

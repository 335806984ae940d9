import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { LAB_EVENT_TYPES } from '../../domain/lab';
import { isProvenance, visibleRange, type LogFilter } from '../../state/logView';
import { selectEvent, showProvenance, useLog } from '../../state/stores';
import { EventInspector } from './EventInspector';
import { ProvenanceCode } from './ProvenanceCode';
import { labelOf } from './eventLabels';
import { usePaced } from '../paced';
import { useLogWindow, useSelectedEvent } from './useLogWindow';

const ROW_HEIGHT = 29;
const VIEWPORT = 380;

export const EventLog = () => {
  const head = usePaced(useLog, (s) => s.head);
  const selected = useLog((s) => s.selected);
  const provenance = useLog((s) => s.provenance);
  const [filter, setFilter] = useState<LogFilter>({ stream: '', type: '' });
  const [scrollTop, setScrollTop] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);
  // Newest first: a new fact appears at the top without the list having to scroll. Only the rows in
  // view are asked for (the page keeps the newest events; older windows are read from storage).
  const wanted = visibleRange(scrollTop, VIEWPORT, ROW_HEIGHT, Number.MAX_SAFE_INTEGER);
  const shown = useLogWindow(filter, wanted.start, wanted.end, provenance);
  const { total } = shown;
  const start = Math.min(shown.start, total);
  const rows = shown.events.slice(0, Math.max(0, total - start));
  const end = start + rows.length;

  // Provenance: bring the newest highlighted event into view.
  const highlightIndex = shown.highlightIndex;
  useEffect(() => {
    const el = scroller.current;
    if (!el || !provenance || highlightIndex === null) return;
    el.scrollTop = Math.max(0, highlightIndex * ROW_HEIGHT - ROW_HEIGHT);
  }, [provenance, highlightIndex]);

  /** A new filter shows its newest matches: from the top. */
  const filterBy = (change: Partial<LogFilter>) => {
    setFilter((f) => ({ ...f, ...change }));
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  };

  const onKey = (event: KeyboardEvent, position: number) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      selectEvent(selected === position ? null : position);
    }
  };

  const chosen = useSelectedEvent(selected, rows);

  return (
    <section aria-label="Event log" className="panel log">
      <h2>Event log</h2>
      <p className="explain">
        Every accepted command appends <strong>events</strong>: facts, appended and never edited
        (Step back, a simulator feature, can take the newest away). Each has a global position and a
        version within its stream. Newest first; select a row to see what it carries.
      </p>
      <div className="log-filters">
        <label>
          Stream
          <input
            value={filter.stream}
            placeholder="e.g. order-"
            onChange={(e) => filterBy({ stream: e.target.value })}
          />
        </label>
        <label>
          Type
          <select value={filter.type} onChange={(e) => filterBy({ type: e.target.value })}>
            <option value="">All types</option>
            {LAB_EVENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">
          {shown.reading
            ? 'Reading the log…'
            : `${total.toLocaleString('en-US')} of ${head.toLocaleString('en-US')} events`}
        </span>
      </div>
      {provenance && (
        <p role="status" className="provenance-note">
          Highlighted: the events that built {provenance.label}.{' '}
          <button type="button" className="small" onClick={() => showProvenance(null)}>
            Clear highlight
          </button>
        </p>
      )}
      {provenance?.view && (
        <ProvenanceCode
          key={provenance.label}
          provenance={{ ...provenance, view: provenance.view }}
        />
      )}
      <div
        className="table-scroll"
        ref={scroller}
        style={{ height: VIEWPORT }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <table aria-label="Event log" aria-rowcount={total + 1}>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">Position</th>
              <th scope="col">Stream</th>
              <th scope="col">Version</th>
              <th scope="col">Type</th>
            </tr>
          </thead>
          <tbody>
            {start > 0 && (
              <tr className="spacer" aria-hidden="true" style={{ height: start * ROW_HEIGHT }} />
            )}
            {rows.map((event, i) => {
              const highlighted = isProvenance(event, provenance);
              const classes = [
                event.position === selected ? 'selected' : '',
                highlighted ? 'provenance' : '',
              ]
                .filter(Boolean)
                .join(' ');
              return (
                <tr
                  key={event.position}
                  aria-rowindex={start + i + 2}
                  tabIndex={0}
                  aria-selected={event.position === selected}
                  data-provenance={highlighted || undefined}
                  className={classes || undefined}
                  onClick={() => selectEvent(selected === event.position ? null : event.position)}
                  onKeyDown={(e) => onKey(e, event.position)}
                >
                  <td>#{event.position}</td>
                  <td>{event.streamId}</td>
                  <td>{event.version}</td>
                  <td title={labelOf(event.type)}>{event.type}</td>
                </tr>
              );
            })}
            {end < total && (
              <tr
                className="spacer"
                aria-hidden="true"
                style={{ height: (total - end) * ROW_HEIGHT }}
              />
            )}
          </tbody>
        </table>
        {head === 0 && <p className="empty">No events yet. Add a product to begin.</p>}
      </div>
      {chosen && <EventInspector event={chosen} />}
    </section>
  );
};

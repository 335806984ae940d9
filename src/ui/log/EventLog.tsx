import { useEffect, useRef, type KeyboardEvent } from 'react';
import { selectEvent, useLog } from '../../state/stores';
import { EventInspector } from './EventInspector';

export const EventLog = () => {
  const events = useLog((s) => s.events);
  const selected = useLog((s) => s.selected);
  const scroller = useRef<HTMLDivElement>(null);

  // New facts are appended at the bottom; keep them in sight.
  useEffect(() => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [events.length]);

  const onKey = (event: KeyboardEvent, position: number) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      selectEvent(selected === position ? null : position);
    }
  };

  const chosen = events.find((event) => event.position === selected);

  return (
    <section aria-label="Event log" className="panel log">
      <h2>Event log</h2>
      <p className="explain">
        Every accepted command appends <strong>events</strong>: facts that never change. Each has a
        global position and a version within its stream. Select a row to see what it carries.
      </p>
      <div className="table-scroll" ref={scroller}>
        <table aria-label="Event log">
          <thead>
            <tr>
              <th scope="col">Position</th>
              <th scope="col">Stream</th>
              <th scope="col">Version</th>
              <th scope="col">Type</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr
                key={event.position}
                tabIndex={0}
                aria-selected={event.position === selected}
                className={event.position === selected ? 'selected' : undefined}
                onClick={() => selectEvent(selected === event.position ? null : event.position)}
                onKeyDown={(e) => onKey(e, event.position)}
              >
                <td>#{event.position}</td>
                <td>{event.streamId}</td>
                <td>{event.version}</td>
                <td>{event.type}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {events.length === 0 && <p className="empty">No events yet. Add a product to begin.</p>}
      </div>
      {chosen && <EventInspector event={chosen} />}
    </section>
  );
};

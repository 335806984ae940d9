import type { StoredEvent } from '../../domain/types';
import { labelOf } from './eventLabels';

/** Payload and metadata of one event, rendered as text (never as HTML). */
export const EventInspector = ({ event }: { event: StoredEvent }) => (
  <div className="inspector" aria-label={`Event #${event.position}`} role="group">
    <h3>
      {event.type} <span className="muted">#{event.position}</span>
    </h3>
    <p>{labelOf(event.type)}.</p>
    <dl>
      <dt>Stream</dt>
      <dd>
        {event.streamId} (version {event.version})
      </dd>
      <dt>Command</dt>
      <dd>{event.meta.commandType}</dd>
      <dt>Command id</dt>
      <dd>{event.meta.commandId}</dd>
      <dt>Correlation id</dt>
      <dd>{event.meta.correlationId}</dd>
      <dt>Causation id</dt>
      <dd>{event.meta.causationId}</dd>
      <dt>Recorded at</dt>
      <dd>{event.meta.recordedAt}</dd>
      <dt>Schema version</dt>
      <dd>{event.meta.schemaVersion}</dd>
    </dl>
    <h4>Payload</h4>
    <pre>{JSON.stringify(event.data, null, 2)}</pre>
  </div>
);

import type { ReactNode } from 'react';
import type { StoredEvent } from '../../domain/types';
import { ShowCode } from '../code/ShowCode';
import { labelOf } from './eventLabels';
import { isUnreadable, type UnreadableEvent } from '../../eventstore/unreadable';

/** What a metadata field is for, in one line under its value. */
const Help = ({ children }: { children: ReactNode }) => <span className="help">{children}</span>;

/** A stored row the code cannot read, in the place of the event it should have been. */
const UnreadableInspector = ({ event }: { event: UnreadableEvent }) => (
  <div className="inspector" aria-label={`Row #${event.position}`} role="group">
    <h3>
      Unreadable row <span className="muted">#{event.position}</span>
    </h3>
    <p>
      This row of the stored log is not an event the lab can read: {event.data.reason}. It is kept
      aside, so no command is decided on it and no view applies it.
    </p>
    {event.streamId && (
      <dl>
        <dt>Stream</dt>
        <dd>
          {event.streamId}
          {event.version > 0 ? ` (version ${String(event.version)})` : ''}
        </dd>
      </dl>
    )}
  </div>
);

/** Payload and metadata of one event, rendered as text (never as HTML). */
export const EventInspector = ({ event }: { event: StoredEvent }) =>
  isUnreadable(event) ? <UnreadableInspector event={event} /> : <EventDetails event={event} />;

const EventDetails = ({ event }: { event: StoredEvent }) => (
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
      <dd>
        {event.meta.commandId}
        <Help>
          The id its sender gave the command. A retry under the same id is recognised, and appends
          nothing again.
        </Help>
      </dd>
      <dt>Correlation id</dt>
      <dd>
        {event.meta.correlationId}
        <Help>
          Shared by everything one piece of work causes, so it can be followed end to end. A command
          sent from this page starts its own, so here it is the command id.
        </Help>
      </dd>
      <dt>Causation id</dt>
      <dd>
        {event.meta.causationId}
        <Help>
          The message that directly caused this event: here, its command. When a process manager
          (code that reacts to events by sending commands) sends one, that command names the event
          as its cause.
        </Help>
      </dd>
      <dt>Recorded at</dt>
      <dd>
        {event.meta.recordedAt}
        <Help>
          When the write model appended it: real time in UTC on the appending browser’s clock, not
          the simulation’s clock.
        </Help>
      </dd>
      <dt>Schema version</dt>
      <dd>
        {event.meta.schemaVersion}
        <Help>
          The version of this event’s shape. Events written in an older shape (version 1 had no
          command type) are upgraded to the current one as they are loaded or imported, so this
          shows the current version, and an older lab’s log still loads.
        </Help>
      </dd>
    </dl>
    <h4>Payload</h4>
    <pre>{JSON.stringify(event.data, null, 2)}</pre>
    <ShowCode
      key={event.position}
      label="Show the code that ran"
      request={{ kind: 'event', eventType: event.type, commandType: event.meta.commandType }}
    />
  </div>
);

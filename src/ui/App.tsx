import { useNotice, useRuntimeStatus } from '../state/stores';
import { InFlight } from './controls/InFlight';
import { LoadPanel } from './controls/LoadPanel';
import { Charts } from './charts/Charts';
import { Flow } from './flow/Flow';
import { Timeline } from './timeline/Timeline';
import { TimeTravel } from './timetravel/TimeTravel';
import { Toolbar } from './controls/Toolbar';
import { CommandsPanel } from './commands/CommandsPanel';
import { EventLog } from './log/EventLog';
import { LogFile } from './log/LogFile';
import { ReadViewsPanel } from './views/ReadViewsPanel';
import { Lessons } from './lessons/Lessons';
import { DesignSwitch } from './design/DesignSwitch';
import { NeedsLog } from './design/NeedsLog';

const RuntimeBanner = () => {
  const status = useRuntimeStatus();
  if (status.phase === 'failed')
    return (
      <p role="alert" className="banner banner-error">
        {status.message}{' '}
        {status.action ? (
          <button type="button" className="small" onClick={status.action.run}>
            {status.action.label}
          </button>
        ) : (
          <button type="button" className="small" onClick={() => location.reload()}>
            Reload
          </button>
        )}
      </p>
    );
  if (status.phase === 'starting') return <p className="banner">Starting the workers…</p>;
  return null;
};

const Notice = () => {
  const text = useNotice((s) => s.text);
  return text ? (
    <p role="status" className="banner">
      {text}
    </p>
  ) : null;
};

export const App = () => (
  <>
    <header className="app-header">
      <h1>CQRS Lab</h1>
      <p>
        See how <strong>CQRS</strong> (a separate read side), <strong>event sourcing</strong>{' '}
        (events as the record) and <strong>asynchronous projections</strong> (views updated after
        the write commits) work: three separate choices. The Design switch adds one at a time, on
        the same shop.
      </p>
      <DesignSwitch />
    </header>
    <Toolbar />
    <RuntimeBanner />
    <Notice />
    <div className="lessons-band">
      <Lessons />
    </div>
    <main className="layout">
      <div className="center">
        <CommandsPanel />
        <LoadPanel />
        <NeedsLog
          label="Export and import"
          className="log-file"
          does="Export and import write the event log to a file and read one back."
        >
          <LogFile />
        </NeedsLog>
      </div>
      <div className="center">
        <Flow />
        <InFlight />
        <Timeline />
        <Charts />
        <NeedsLog
          label="Event log"
          className="log"
          does="The event log lists every stored event, in order."
        >
          <EventLog />
        </NeedsLog>
        <NeedsLog
          label="Time travel"
          className="time-travel"
          does="Time travel replays the event log up to a position to show the system as it was."
        >
          <TimeTravel />
        </NeedsLog>
      </div>
      <ReadViewsPanel />
    </main>
  </>
);

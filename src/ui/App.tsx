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

const Pipeline = () => (
  <ol className="pipeline" aria-label="How a command travels">
    <li>Command</li>
    <li>Write model decides</li>
    <li>Event store appends</li>
    <li>Projections update</li>
    <li>Queries read views</li>
  </ol>
);

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
  if (status.phase === 'starting')
    return <p className="banner">Starting the write model and projections…</p>;
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
        See how <strong>CQRS</strong>, <strong>event sourcing</strong> and{' '}
        <strong>asynchronous projections</strong> work, three separate choices combined here:
        commands become events in a log, and read views, updated after each write commits, learn of
        them a moment later.
      </p>
      <Pipeline />
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
        <LogFile />
      </div>
      <div className="center">
        <Flow />
        <InFlight />
        <Timeline />
        <Charts />
        <EventLog />
        <TimeTravel />
      </div>
      <ReadViewsPanel />
    </main>
  </>
);

import { lazy, Suspense, type ReactNode } from 'react';
import { VIEW_NAMES, type ViewName } from '../domain/views';
import { parseHash } from '../lessons/route';
import type { LabPart } from '../lessons/types';
import { useSettings } from '../state/settings';
import { useNotice, useRuntimeStatus } from '../state/stores';
import { useHash } from './lessons/useHash';
import { InFlight } from './controls/InFlight';
import { LoadPanel } from './controls/LoadPanel';
import { Charts } from './charts/Charts';
import { Flow } from './flow/Flow';
import { Timeline } from './timeline/Timeline';
import { Toolbar } from './controls/Toolbar';
import { CommandsPanel } from './commands/CommandsPanel';
import { EventLog } from './log/EventLog';
import { ReadViewsPanel } from './views/ReadViewsPanel';
import { Lessons } from './lessons/Lessons';
import { DesignSwitch } from './design/DesignSwitch';
import { NeedsLog } from './design/NeedsLog';
import { UpdateNotice } from './UpdateNotice';
import { YourProjection } from './learner/YourProjection';
import { ForkBanner } from './forks/ForkBanner';
import { UnreadableRows } from './log/UnreadableRows';

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
  // Laid over the page, not in its flow: when it goes, nothing below moves (a click aimed at a link
  // as the workers finish starting still lands on it), and clicks pass through it meanwhile.
  if (status.phase === 'starting')
    return (
      <div className="banner-overlay">
        <p className="banner">Starting the workers…</p>
      </div>
    );
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

// Below the first screen and needed later, if at all: loaded once the page is up.
const TimeTravel = lazy(() =>
  import('./timetravel/TimeTravel').then((m) => ({ default: m.TimeTravel })),
);
const Forks = lazy(() => import('./forks/Forks').then((m) => ({ default: m.Forks })));
const LogFile = lazy(() => import('./log/LogFile').then((m) => ({ default: m.LogFile })));

const Loading = ({ children }: { children: ReactNode }) => (
  <Suspense fallback={<p className="muted">Loading…</p>}>{children}</Suspense>
);

/** Each part of the lab but the read views, as the whole lab and a chapter's focus show it. */
const PARTS: Record<Exclude<LabPart, ViewName>, () => ReactNode> = {
  Commands: () => <CommandsPanel />,
  Load: () => <LoadPanel />,
  'Export and import': () => (
    <NeedsLog
      label="Export and import"
      className="log-file"
      does="Export and import write the event log to a file and read one back."
    >
      <Loading>
        <LogFile />
      </Loading>
    </NeedsLog>
  ),
  Flow: () => <Flow />,
  'Messages in flight': () => <InFlight />,
  Timeline: () => <Timeline />,
  Charts: () => <Charts />,
  'Event log': () => (
    <NeedsLog
      label="Event log"
      className="log"
      does="The event log lists every stored event, in order."
    >
      <EventLog />
    </NeedsLog>
  ),
  'Time travel': () => (
    <NeedsLog
      label="Time travel"
      className="time-travel"
      does="Time travel replays the event log up to a position to show the system as it was."
    >
      <Loading>
        <TimeTravel />
      </Loading>
    </NeedsLog>
  ),
};

const isView = (part: LabPart): part is ViewName =>
  (VIEW_NAMES as readonly string[]).includes(part);

/** The parts a chapter uses, in its order; its read views share one panel, where the first stands. */
const FocusParts = ({ parts }: { parts: readonly LabPart[] }) => {
  const views = parts.filter(isView);
  return parts.map((part) =>
    isView(part) ? (
      part === views[0] && (
        <div key="views" className="focus-part">
          <ReadViewsPanel only={views} />
        </div>
      )
    ) : (
      <div key={part} className={`focus-part focus-part-${part.toLowerCase().replace(/ /g, '-')}`}>
        {PARTS[part]()}
      </div>
    ),
  );
};

/** The whole lab: every part, in three columns (one on a narrow screen). */
const WholeLab = () => (
  <main className="layout">
    <div className="center">
      {PARTS.Commands()}
      {PARTS.Load()}
      {PARTS['Export and import']()}
    </div>
    <div className="center">
      {PARTS.Flow()}
      {PARTS['Messages in flight']()}
      {PARTS.Timeline()}
      {PARTS.Charts()}
      {PARTS['Event log']()}
      {PARTS['Time travel']()}
      <NeedsLog
        label="Forks"
        className="forks"
        does="A fork is a new event log that starts as a copy of this log’s first events, up to a position you choose."
      >
        <Loading>
          <Forks />
        </Loading>
      </NeedsLog>
      <NeedsLog
        label="Your projection"
        className="your-projection"
        does="Your projection replays the event log into code you write."
      >
        <YourProjection />
      </NeedsLog>
    </div>
    <ReadViewsPanel />
  </main>
);

export const App = () => {
  const route = parseHash(useHash());
  const whole = useSettings((s) => s.wholeLab);
  // An open chapter shows only the parts its story uses, unless the learner asks for all of them.
  const focus = route.kind === 'chapter' && !whole ? route.chapter.parts : null;
  return (
    <>
      <header className={`app-header${focus ? ' app-header-compact' : ''}`}>
        <h1>CQRS Lab</h1>
        {!focus && (
          <>
            <p>
              See how <strong>CQRS</strong> (a separate read side), <strong>event sourcing</strong>{' '}
              (events as the record) and <strong>asynchronous projections</strong> (views updated
              after the write commits) work: three separate choices. The Design switch adds one at a
              time, on the same shop.
            </p>
            <DesignSwitch />
          </>
        )}
      </header>
      <Toolbar />
      <RuntimeBanner />
      <ForkBanner />
      <UnreadableRows />
      <Notice />
      <UpdateNotice />
      {/* The chapter keeps its place in the tree: showing the whole lab does not set it up again. */}
      <div className={focus ? `focus${focus.length === 0 ? ' focus-alone' : ''}` : 'whole'}>
        <div className="lessons-band">
          <Lessons />
        </div>
        {!focus ? (
          <WholeLab />
        ) : (
          focus.length > 0 && (
            <main className="focus-parts" aria-label="The parts this chapter uses">
              <FocusParts parts={focus} />
            </main>
          )
        )}
      </div>
    </>
  );
};

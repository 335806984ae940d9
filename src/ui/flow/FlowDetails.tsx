import { UI, WRITE_MODEL } from '../../bus/protocol';
import { isViewName } from '../../domain/views';
import {
  useClock,
  useDownParts,
  useLog,
  useMessages,
  useRuntimeStatus,
  useViews,
} from '../../state/stores';
import { DEAD_AFTER_MS } from '../../runtime/watchdog';
import { useRuntime } from '../runtimeContext';
import { describeFreshness } from '../../state/views';
import { describeMessage } from '../controls/describeMessage';
import { BUS, EVENT_STORE, partLabel } from './layout';
import { KIND_LABEL } from './shapes';
import { useSettings } from '../../state/settings';
import { STORE_ROLE, VIEW_ROLE, type DesignId } from '../design/designText';

export type Selection = { kind: 'node'; name: string } | { kind: 'message'; id: number };

const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

const WRITE_ROLE: Record<DesignId, string> = {
  'one-model':
    'The one model handles commands too: it reads the current state of the rows a command names, decides, and overwrites them in one transaction.',
  'same-transaction':
    'The command handler. It reads the current state of the rows a command names, decides, and overwrites them, updating the views’ rows in the same transaction.',
  'after-commit':
    'The command handler. It reads the current state of the rows a command names, decides, and overwrites them, adding the events to the outbox in the same transaction.',
  'event-sourced':
    'The command handler. It decides each command against the events of the streams it names, then appends the new events only if those streams are still at the versions it read; otherwise it refuses (optimistic concurrency).',
};

const roleOf = (name: string, design: DesignId): string | undefined =>
  ({
    [UI]: 'The page. It sends commands and queries as messages, and shows the replies when they arrive.',
    [WRITE_MODEL]: WRITE_ROLE[design],
    [EVENT_STORE]: STORE_ROLE[design],
    [BUS]: 'Carries every message and hands each over at its due virtual time.',
  })[name];

/** The bus and the write model can be made to crash; the page notices only by their silence. */
const CrashControl = ({ part }: { part: typeof BUS | typeof WRITE_MODEL }) => {
  const runtime = useRuntime();
  const down = useDownParts((s) => s.down.includes(part));
  const recovery = useRuntimeStatus((s) => (s.phase === 'failed' ? s.action : undefined));
  if (down)
    return (
      <p>
        Not answering: its worker is gone.{' '}
        {recovery && (
          <button type="button" className="small" onClick={recovery.run}>
            {recovery.label}
          </button>
        )}
      </p>
    );
  return (
    <p>
      <button
        type="button"
        className="small"
        disabled={!runtime}
        onClick={() => void runtime?.crash(part).catch(() => undefined)}
      >
        Crash {part.toLowerCase()}
      </button>{' '}
      <span className="explain">
        Its worker ends at once and tells nobody: the page notices only when it stops answering
        (within {DEAD_AFTER_MS / 1000} s).
      </span>
    </p>
  );
};

const NodeDetails = ({ name }: { name: string }) => {
  const design = useSettings((s) => s.design);
  const head = useLog((s) => s.head);
  const clock = useClock();
  const view = useViews((s) => s.views[name]);
  const waiting = Object.values(useMessages((s) => s.pending)).filter((m) => m.to === name).length;
  return (
    <>
      <h3>{partLabel(name, design)}</h3>
      <p>{roleOf(name, design) ?? VIEW_ROLE[design]}</p>
      <dl>
        {name === EVENT_STORE && (
          <>
            <dt>Head</dt>
            <dd>#{head}</dd>
          </>
        )}
        {name === BUS && (
          <>
            <dt>Virtual time</dt>
            <dd>{seconds(clock.now)}</dd>
            <dt>Pending</dt>
            <dd>{clock.pending}</dd>
          </>
        )}
        {isViewName(name) && view && (
          <>
            <dt>Freshness</dt>
            <dd>
              {describeFreshness(
                view.checkpoint,
                Math.max(head, view.head),
                view.phase,
                view.progress,
                view.reapplied,
              )}
            </dd>
          </>
        )}
        {name !== EVENT_STORE && name !== BUS && (
          <>
            <dt>Messages waiting for it</dt>
            <dd>{waiting}</dd>
          </>
        )}
      </dl>
      {(name === BUS || name === WRITE_MODEL) && <CrashControl part={name} />}
    </>
  );
};

const MessageDetails = ({ id, now }: { id: number; now: number }) => {
  const message = useMessages((s) => s.pending[id]);
  if (!message) return <p>Message #{id} has been delivered.</p>;
  return (
    <>
      <h3>
        {KIND_LABEL[message.kind]} #{message.id}
      </h3>
      <p>{describeMessage(message)}</p>
      <dl>
        <dt>From → to</dt>
        <dd>
          {message.from} → {message.to}
        </dd>
        <dt>Sent at</dt>
        <dd>{seconds(message.sentAt)}</dd>
        <dt>Due at</dt>
        <dd>{seconds(message.deliverAt)}</dd>
        <dt>Delay left</dt>
        <dd>{seconds(Math.max(0, message.deliverAt - now))}</dd>
        <dt>Caused by</dt>
        <dd>{message.causationId === null ? 'the learner' : `message #${message.causationId}`}</dd>
      </dl>
      <pre>{JSON.stringify(message.payload, null, 2)}</pre>
    </>
  );
};

export const FlowDetails = ({ selection, now }: { selection: Selection; now: number }) => (
  <div className="inspector" role="group" aria-label="Flow details">
    {selection.kind === 'node' ? (
      <NodeDetails name={selection.name} />
    ) : (
      <MessageDetails id={selection.id} now={now} />
    )}
  </div>
);

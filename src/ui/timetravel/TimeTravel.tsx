import { useEffect, useId, useState } from 'react';
import type { LabState } from '../../domain/lab';
import { VIEW_NAMES } from '../../domain/views';
import { showTimeTravel } from '../../state/lessons';
import { useLog } from '../../state/stores';
import type { Moment } from '../../runtime/runtime';
import { useRuntime } from '../runtimeContext';
import { describeRow } from './describeRow';
import { usePaced } from '../paced';
import { useInChapter } from '../lessons/useHash';
import { eventsUpTo, forkFrom, reasonOf } from '../forks/forkActions';

/** The part of the write-side state that the stream's events built (one product, order or account). */
const aggregateOf = (state: LabState) => {
  const [entry] = [
    ...Object.values(state.shop.products),
    ...Object.values(state.shop.orders),
    ...Object.values(state.bank.accounts),
  ];
  return entry ?? '(nothing yet: the stream has no events up to here)';
};

const MomentView = ({ moment }: { moment: Moment }) => (
  <div className="moment">
    <p role="status" className="moment-event">
      {moment.event
        ? `As of #${moment.position}: ${moment.event.type} on ${moment.event.streamId} (version ${moment.event.version})`
        : 'As of #0: before the first event, every view is empty.'}
    </p>
    {moment.stream && (
      <div className="moment-stream">
        <h4>
          Write side: {moment.stream.streamId} at version {moment.stream.version}
        </h4>
        <pre>{JSON.stringify(aggregateOf(moment.stream.state), null, 2)}</pre>
      </div>
    )}
    <div className="moment-views">
      {VIEW_NAMES.map((view) => {
        const rows = Object.entries(moment.views[view] ?? {});
        // A change this page cannot show (a field no line mentions) is not listed as one.
        const changed = (moment.diff[view] ?? []).filter(
          (c) => describeRow(view, c.before) !== describeRow(view, c.after),
        );
        return (
          <section
            key={view}
            aria-label={`${view} as of #${moment.position}`}
            className="moment-view"
          >
            <h4>{view}</h4>
            {rows.length === 0 ? (
              <p className="empty">No rows.</p>
            ) : (
              <ul>
                {rows.map(([key, row]) => (
                  <li
                    key={key}
                    className={changed.some((c) => c.key === key) ? 'changed' : undefined}
                  >
                    {describeRow(view, row)}
                  </li>
                ))}
              </ul>
            )}
            {changed.length > 0 && (
              <p className="diff">
                #{moment.position} changed:{' '}
                {changed
                  .map((c) => `${describeRow(view, c.before)} → ${describeRow(view, c.after)}`)
                  .join('; ')}
              </p>
            )}
          </section>
        );
      })}
    </div>
  </div>
);

const NO_STREAMS: readonly string[] = [];

/** Look at the whole system as it was at any position of the log; live work goes on meanwhile. */
export const TimeTravel = () => {
  const runtime = useRuntime();
  const head = usePaced(useLog, (s) => s.head);
  // A rewritten log (reset, step back, chapter, import) may hold other events at the same
  // positions: what is on screen is then computed again from the log as it is now.
  const rewrites = usePaced(useLog, (s) => s.rewrites);
  const [active, setActive] = useState(false);
  // The stream picker lists every stream, read from the log's index while travelling (the page
  // does not keep the whole log), again when new streams may have come (at most every 2 s).
  const streamsHead = usePaced(useLog, (s) => s.head, 2_000);
  const [streams, setStreams] = useState<readonly string[]>(NO_STREAMS);
  const [position, setPosition] = useState(0);
  const [streamId, setStreamId] = useState<string>('');
  // The moment shown, and which log it was computed from (see `rewrites`).
  const [shown, setShown] = useState<{ moment: Moment; rewrites: number } | null>(null);
  const moment = shown?.rewrites === rewrites ? shown.moment : null;
  const [error, setError] = useState<string | null>(null);
  const [forking, setForking] = useState(false);
  // A fork is the sandbox's what-if: a chapter's log is the chapter's own.
  const inChapter = useInChapter();
  const sliderId = useId();
  useEffect(() => {
    if (!active || !runtime) return;
    let current = true;
    runtime.readLog.streams().then(
      (found) => {
        if (current) setStreams(found);
      },
      () => undefined, // the runtime reports a dead worker itself
    );
    return () => {
      current = false;
    };
  }, [active, runtime, streamsHead, rewrites]);

  // The slider cannot pass the head: after a reset it stands at #0 and moves up as the log grows.
  const shownPosition = Math.min(position, head);

  // Lessons watch what time travel shows.
  useEffect(() => {
    showTimeTravel(active ? { position: shownPosition, streamId } : null);
  }, [active, shownPosition, streamId]);
  useEffect(() => () => showTimeTravel(null), []);

  useEffect(() => {
    if (!active || !runtime) return;
    let current = true;
    const timer = setTimeout(() => {
      runtime.travelTo(shownPosition, streamId || null).then(
        (m) => {
          if (!current) return;
          setShown({ moment: m, rewrites });
          setError(null);
        },
        (e: unknown) => {
          if (current) setError(e instanceof Error ? e.message : String(e));
        },
      );
    }, 60);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [active, shownPosition, streamId, runtime, rewrites]);

  return (
    <section aria-label="Time travel" className="panel time-travel">
      <h2>Time travel</h2>
      <p className="explain">
        Because the log keeps every fact, any past moment can be rebuilt: the write side and every
        view as of position N, computed from the log by the same pure functions.
      </p>
      {!active ? (
        <button
          type="button"
          disabled={!runtime || head === 0}
          onClick={() => {
            setPosition(head);
            setActive(true);
          }}
        >
          Start time travel
        </button>
      ) : (
        <>
          <div className="time-travel-controls">
            <label htmlFor={sliderId}>Position #{shownPosition}</label>
            <input
              id={sliderId}
              type="range"
              aria-label="Time travel position"
              min={0}
              max={head}
              value={shownPosition}
              aria-valuetext={`#${shownPosition} of ${head}`}
              onChange={(e) => setPosition(Number(e.target.value))}
            />
            <label>
              Stream
              <select value={streamId} onChange={(e) => setStreamId(e.target.value)}>
                <option value="">(none)</option>
                {streams.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
            {!inChapter && (
              <button
                type="button"
                disabled={!runtime || forking}
                title={
                  shownPosition === 0
                    ? 'Start a new, empty log and go to it. This log is not changed.'
                    : `Start a new log with a copy of ${eventsUpTo(shownPosition)} of this one, and go to it. This log is not changed.`
                }
                onClick={() => {
                  if (!runtime) return;
                  setForking(true);
                  setError(null);
                  forkFrom(runtime, shownPosition)
                    .then(() => {
                      setActive(false);
                      setShown(null);
                    })
                    .catch((e: unknown) => setError(reasonOf(e)))
                    .finally(() => setForking(false));
                }}
              >
                Fork from here
              </button>
            )}
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setActive(false);
                setShown(null);
              }}
            >
              Back to live
            </button>
          </div>
          {forking && (
            <p role="status" className="muted">
              {shownPosition === 0
                ? 'Starting an empty fork…'
                : `Copying ${eventsUpTo(shownPosition)} into a new fork…`}
            </p>
          )}
          {error && <p role="alert">{error}</p>}
          {moment ? (
            <MomentView moment={moment} />
          ) : (
            !error && <p className="muted">Computing this moment from the log…</p>
          )}
        </>
      )}
    </section>
  );
};

// The inside of `Your projection` (loaded when the panel comes near the screen): the code editor,
// Run projection and Follow the log, the projection's freshness, what stopped it, and its state.
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import {
  learnerRunnerFor,
  STARTER_PROJECTION,
  type LearnerRunner,
  type LearnerStatus,
} from '../../runtime/learnerProjection';
import { settleSharedProjection, useSharedProjection } from '../../state/sharedProjection';
import { useLog } from '../../state/stores';
import { useRuntime } from '../runtimeContext';
import { CodeEditor } from './CodeEditor';
import { StateView } from './StateView';

const SAVE_AFTER_MS = 500;

const n = (value: number) => value.toLocaleString('en-US');

const freshness = (status: LearnerStatus, head: number): string => {
  switch (status.phase) {
    case 'idle':
      return 'Not run yet';
    case 'running':
      return `Replaying: ${n(status.position)} of ${n(Math.max(status.head, status.position))} events`;
    case 'following':
      return status.position >= head
        ? `Up to date at #${String(status.position)}`
        : `${n(head - status.position)} behind: at #${String(status.position)}, head #${String(head)}`;
    case 'stopped':
      return `Not following the log: at #${String(status.position)}, head #${String(Math.max(head, status.position))}`;
    case 'failed':
      if (status.failure.position !== null)
        return `Failed on event #${String(status.failure.position)}, after applying up to #${String(status.position)}`;
      return status.position === 0
        ? 'Did not start: fix the code and run it again'
        : `Stopped after applying up to #${String(status.position)}`;
  }
};

const whereFailed = ({ line, position }: { line: number | null; position: number | null }) =>
  [
    line === null ? null : `line ${String(line)}`,
    position === null ? null : `event #${String(position)}`,
  ]
    .filter((part) => part !== null)
    .join(', ');

const Workbench = ({ runner }: { runner: LearnerRunner }) => {
  const { status, state, statePosition, hasState, following, ran } = useStore(runner.store);
  const head = useLog((s) => s.head);
  const [code, setCode] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  /** The code as last saved, to say whether the editor's is. */
  const [stored, setStored] = useState<string | null>(null);
  /** Whether edits are saved as they are made: not until the saved code was read (or found absent). */
  const saving = useRef(false);

  useEffect(() => {
    runner.savedCode().then(
      (saved) => {
        saving.current = true;
        setStored(saved);
        setCode(saved ?? STARTER_PROJECTION);
      },
      (error: unknown) => {
        setCode(STARTER_PROJECTION);
        setNote(
          `Your saved code could not be read (${error instanceof Error ? error.message : String(error)}); the example is shown. Running it tries to save what the editor holds, over your saved copy.`,
        );
      },
    );
  }, [runner]);

  useEffect(() => {
    if (code === null || !saving.current || code === stored) return;
    const timer = setTimeout(() => {
      runner.saveCode(code).then(
        () => {
          setStored(code);
          setNote(null);
        },
        (error: unknown) =>
          setNote(
            `Your code is not saved (${error instanceof Error ? error.message : String(error)}). Running it tries to save it again.`,
          ),
      );
    }, SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [code, stored, runner]);

  const shared = useSharedProjection((s) => s.code);

  if (code === null) return <p className="muted">Loading your code…</p>;
  const run = () => {
    saving.current = true;
    void runner.run(code);
  };
  const failure = status.phase === 'failed' ? status.failure : null;
  return (
    <>
      {shared !== null && shared !== code && (
        <div className="shared-projection">
          <p>
            The link you opened carries a projection. Using it replaces your code here and your
            saved copy in this browser.
          </p>
          <button
            type="button"
            onClick={() => {
              setCode(shared);
              settleSharedProjection();
            }}
          >
            Use the shared projection
          </button>{' '}
          <button type="button" className="small" onClick={settleSharedProjection}>
            Keep mine
          </button>
        </div>
      )}
      <CodeEditor
        label="Projection code"
        value={code}
        onChange={setCode}
        onRun={run}
        errorLine={failure?.line ?? null}
      />
      <p className="explain">
        Define <code>initialState</code> and <code>function project(state, event)</code>, which
        returns the state after the event. Ctrl+Enter (⌘+Enter on a Mac) runs it. Your code runs in
        a worker of its own, which is given the events and nothing else.
      </p>
      <div className="learner-controls">
        <button type="button" onClick={run}>
          Run projection
        </button>
        <button
          type="button"
          aria-pressed={following}
          className={following ? undefined : 'secondary'}
          onClick={() => void runner.follow(!following, code)}
        >
          Follow the log
        </button>
        <button
          type="button"
          className="small"
          disabled={code === STARTER_PROJECTION}
          onClick={() => setCode(STARTER_PROJECTION)}
        >
          Put the example back
        </button>
      </div>
      <p role="status" className="freshness">
        {freshness(status, head)}
      </p>
      {failure && (
        <p role="alert" className="feedback feedback-refused">
          {whereFailed(failure) ? `At ${whereFailed(failure)}: ` : ''}
          {failure.message}
        </p>
      )}
      {note ? (
        <p className="muted">{note}</p>
      ) : (
        <p className="muted">{code === stored ? 'Saved in this browser.' : 'Saving…'}</p>
      )}
      {ran !== null && ran !== code && status.phase !== 'idle' && (
        <p className="muted">
          It runs the code you last ran: press Run projection to replay the log into your edits.
        </p>
      )}
      {hasState && status.phase !== 'running' && (
        <StateView state={state} position={statePosition} />
      )}
    </>
  );
};

const ProjectionWorkbench = () => {
  const runtime = useRuntime();
  return runtime ? (
    <Workbench runner={learnerRunnerFor(runtime)} />
  ) : (
    <p className="muted">Waiting for the workers to start…</p>
  );
};

export default ProjectionWorkbench;

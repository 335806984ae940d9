// The learner's forks: which log the sandbox runs on (Main or a fork), renaming and deleting forks,
// and one view compared across two logs. A fork is started from Time travel (Fork from here).
import { useId, useState, type SyntheticEvent } from 'react';
import { VIEW_NAMES, type ViewName } from '../../domain/views';
import type { ForkSpace } from '../../eventstore/space';
import {
  forkNameProblem,
  MAX_NAME,
  renameFork,
  spaceOfChoice,
  useForks,
  type Fork,
  type LogChoice,
} from '../../state/forks';
import { useInChapter } from '../lessons/useHash';
import { useRuntime } from '../runtimeContext';
import { Comparison } from './Comparison';
import { deleteFork, goTo, nameOfChoice, quotedLog, reasonOf } from './forkActions';

const RenameForm = ({ fork, onDone }: { fork: Fork; onDone: () => void }) => {
  const { forks } = useForks();
  const [name, setName] = useState(fork.name);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const onSubmit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = forkNameProblem(name, forks, fork.space);
    setProblem(found);
    if (found) return;
    renameFork(fork.space, name);
    onDone();
  };
  return (
    <form aria-label={`Rename ${fork.name}`} className="fork-rename" onSubmit={onSubmit} noValidate>
      <label htmlFor={id}>New name</label>
      <input
        id={id}
        value={name}
        autoFocus
        maxLength={MAX_NAME}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onDone();
        }}
      />
      <button type="submit" className="small">
        Save name
      </button>
      <button type="button" className="small secondary" onClick={onDone}>
        Cancel
      </button>
      {problem && (
        <p id={`${id}-problem`} role="alert" className="field-error">
          {problem}
        </p>
      )}
    </form>
  );
};

/** Main and each fork, to choose from; each fork can be renamed or deleted. */
export const Forks = () => {
  const runtime = useRuntime();
  const { forks, choice } = useForks();
  const inChapter = useInChapter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<ForkSpace | null>(null);
  const [deleting, setDeleting] = useState<ForkSpace | null>(null);
  const groupId = useId();

  const run = (doing: string, work: () => Promise<void>) => {
    setBusy(doing);
    setError(null);
    work()
      .catch((e: unknown) => setError(reasonOf(e)))
      .finally(() => setBusy(null));
  };
  const choose = (next: LogChoice) => {
    if (!runtime) return;
    run(`Starting the workers on ${nameOfChoice(next, forks)}…`, () => goTo(runtime, next));
  };
  /** Main's or a fork's choice in the Log group, named as the list shows it. */
  const logRadio = (log: LogChoice) => (
    <label>
      <input
        type="radio"
        name={`${groupId}-log`}
        checked={choice === log}
        disabled={!runtime || inChapter || busy !== null}
        onChange={() => choose(log)}
      />
      {nameOfChoice(log, forks)}
    </label>
  );

  return (
    <section aria-label="Forks" className="panel forks">
      <h2>Forks</h2>
      <p className="explain">
        A fork is a what-if: a new event log that starts as a copy of the first events of the log
        you are in, up to a position you choose in Time travel (Fork from here). The events of the
        commands you run in a fork go to its log only, and its write side and views are built from
        that log: nothing you do there changes the log it came from.
      </p>
      {inChapter && (
        <p className="muted">
          A chapter runs on its own log. Go back to the sandbox to choose Main or a fork.
        </p>
      )}
      <div role="radiogroup" aria-labelledby={groupId} className="fork-list">
        <span id={groupId} className="design-label">
          Log
        </span>
        <ul>
          <li>
            {logRadio('main')} <span className="muted">the sandbox’s log</span>
          </li>
          {forks.map((fork) => (
            <li key={fork.space}>
              {renaming === fork.space ? (
                <RenameForm fork={fork} onDone={() => setRenaming(null)} />
              ) : (
                <>
                  {logRadio(fork.space)}{' '}
                  <span className="muted">
                    from {quotedLog(fork.source)} at #{fork.from}
                  </span>{' '}
                  <span className="fork-actions">
                    <button
                      type="button"
                      className="small secondary"
                      aria-label={`Rename ${fork.name}`}
                      onClick={() => setRenaming(fork.space)}
                    >
                      Rename
                    </button>
                    <button
                      type="button"
                      className="small secondary"
                      aria-label={`Delete ${fork.name}`}
                      disabled={!runtime || busy !== null}
                      onClick={() => setDeleting(fork.space)}
                    >
                      Delete
                    </button>
                  </span>
                </>
              )}
              {deleting === fork.space && (
                <div className="fork-confirm">
                  <p>
                    Delete “{fork.name}”? Its log and its views are deleted for good
                    {choice === fork.space ? ', and the lab goes back to Main' : ''} (forks started
                    from it keep their own copies).
                  </p>
                  <button
                    type="button"
                    className="small"
                    autoFocus
                    onClick={() => {
                      setDeleting(null);
                      if (runtime)
                        run(`Deleting “${fork.name}”…`, () => deleteFork(runtime, fork.space));
                    }}
                  >
                    Delete “{fork.name}” for good
                  </button>{' '}
                  <button
                    type="button"
                    className="small secondary"
                    onClick={() => setDeleting(null)}
                  >
                    Keep it
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      </div>
      {forks.length === 0 && (
        <p className="muted">No forks yet: Time travel’s Fork from here starts one.</p>
      )}
      {busy && (
        <p role="status" className="muted">
          {busy}
        </p>
      )}
      {error && <p role="alert">{error}</p>}
      {forks.length > 0 && (
        <CompareForm defaultRight={choice === 'main' ? forks[0]?.space : choice} />
      )}
    </section>
  );
};

/** One view in two logs, side by side, each computed from its own log. */
const CompareForm = ({ defaultRight }: { defaultRight: ForkSpace | undefined }) => {
  const { forks } = useForks();
  const [view, setView] = useState<ViewName>('Order status');
  const [left, setLeft] = useState<LogChoice>('main');
  const [right, setRight] = useState<LogChoice>(defaultRight ?? 'main');
  const [asked, setAsked] = useState<{ view: ViewName; left: LogChoice; right: LogChoice } | null>(
    null,
  );
  const known = (choice: LogChoice) =>
    choice === 'main' || forks.some((fork) => fork.space === choice);
  // A fork deleted meanwhile is no longer offered: Main stands in for it.
  const shownLeft = known(left) ? left : 'main';
  const shownRight = known(right) ? right : 'main';
  const logs: LogChoice[] = ['main', ...forks.map((fork) => fork.space)];
  const onSubmit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAsked({ view, left: shownLeft, right: shownRight });
  };
  const options = logs.map((choice) => (
    <option key={choice} value={choice}>
      {nameOfChoice(choice, forks)}
    </option>
  ));
  return (
    <>
      <form aria-label="Compare a view" className="fork-compare" onSubmit={onSubmit}>
        <label>
          Compare
          <select value={view} onChange={(e) => setView(e.target.value as ViewName)}>
            {VIEW_NAMES.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
        <label>
          in
          <select value={shownLeft} onChange={(e) => setLeft(e.target.value as LogChoice)}>
            {options}
          </select>
        </label>
        <label>
          and
          <select value={shownRight} onChange={(e) => setRight(e.target.value as LogChoice)}>
            {options}
          </select>
        </label>
        <button type="submit" className="small">
          Compare
        </button>
      </form>
      {asked && known(asked.left) && known(asked.right) && (
        <Comparison
          view={asked.view}
          left={{ space: spaceOfChoice(asked.left), name: nameOfChoice(asked.left, forks) }}
          right={{ space: spaceOfChoice(asked.right), name: nameOfChoice(asked.right, forks) }}
        />
      )}
    </>
  );
};

import { useId, useState, type SyntheticEvent } from 'react';
import type { ViewName } from '../../domain/views';
import type { QueryAnswer, ViewQuery } from '../../bus/protocol';
import { DroppedByResetError } from '../../runtime/replies';
import { useLog, useViews } from '../../state/stores';
import { useViewKeys } from '../commands/suggestions';
import { usePaced } from '../paced';
import { useRuntime } from '../runtimeContext';

/** `resets` and `rewrites`: the log's counts when the question was asked (see useLog). */
type Asked = { question: string; resets: number; rewrites: number } & (
  | { state: 'waiting' }
  | { state: 'answered'; answer: QueryAnswer<unknown> }
  | { state: 'failed'; reason: string }
);

/** Why a question sent to this view waits, if its view is not taking mail. */
const Waiting = ({ view, question }: { view: ViewName; question: string }) => {
  const phase = usePaced(useViews, (s) => s.views[view]?.phase);
  const why =
    phase === 'stopped'
      ? `${view} is stopped: the question waits in its queue until you press Restart ${view}.`
      : phase === 'paused'
        ? `${view} is paused. In this lab one worker both applies events and answers questions, so your question waits until you press Resume ${view}.`
        : null;
  return (
    <p role="status" className={`answer${why ? ' stale' : ''}`}>
      Asking {view} about {question}…{why && ` ${why}`}
    </p>
  );
};

/** How fresh an answer was when it was served. */
export const describeAnswerFreshness = ({ asOfPosition, headPosition }: QueryAnswer<unknown>) => {
  const behind = headPosition - asOfPosition;
  return behind > 0
    ? `Possibly stale: as of #${asOfPosition}, head #${headPosition} (${behind} behind)`
    : `Fresh: as of #${asOfPosition}, head #${headPosition}`;
};

type QueryBoxProps = {
  view: ViewName;
  /** The field's label, e.g. "SKU"; for a search view, "Search". */
  label: string;
  placeholder: string;
  toQuery: (text: string) => ViewQuery;
  summarize: (data: unknown, question: string) => string;
  /** Offer the view's own keys (its orders, SKUs or accounts) as you type. */
  suggest?: boolean;
};

/** Ask a view one question; the answer comes back by message and says how far behind it was. */
export const QueryBox = ({
  view,
  label,
  placeholder,
  toQuery,
  summarize,
  suggest = false,
}: QueryBoxProps) => {
  const runtime = useRuntime();
  const [text, setText] = useState('');
  const [asked, setAsked] = useState<Asked | null>(null);
  const inputId = useId();
  // The picker follows its view only while the box has focus, as the command forms' pickers do.
  const [focused, setFocused] = useState(false);
  const suggestions = useViewKeys(suggest && focused ? view : undefined);
  const resets = usePaced(useLog, (s) => s.resets);
  const rewrites = usePaced(useLog, (s) => s.rewrites);

  const onSubmit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!runtime || text.trim() === '') return;
    const question = text.trim();
    const log = useLog.getState();
    const base = { question, resets: log.resets, rewrites: log.rewrites };
    setAsked({ ...base, state: 'waiting' });
    try {
      const answer = await runtime.query(view, toQuery(question));
      setAsked({ ...base, state: 'answered', answer });
    } catch (error) {
      // Dropped by a reset: the log it was about is gone, and so is the question.
      if (error instanceof DroppedByResetError) setAsked(null);
      else
        setAsked({
          ...base,
          state: 'failed',
          reason: error instanceof Error ? error.message : String(error),
        });
    }
  };
  // An answer about a log that was reset (or replaced, or a chapter loaded) is not shown; one from
  // before a step back says so.
  const shown = asked?.resets === resets ? asked : null;
  const earlier = shown !== null && shown.rewrites !== rewrites;

  return (
    <form className="query" aria-label={`Query ${view}`} onSubmit={(e) => void onSubmit(e)}>
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        value={text}
        placeholder={placeholder}
        autoComplete="off"
        list={suggest ? `${inputId}-list` : undefined}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onChange={(e) => setText(e.target.value)}
      />
      {suggest && (
        <datalist id={`${inputId}-list`}>
          {suggestions?.map((key) => (
            <option key={key} value={key} />
          ))}
        </datalist>
      )}
      <button type="submit" className="small" disabled={!runtime || text.trim() === ''}>
        Ask {view}
      </button>
      {shown?.state === 'waiting' && <Waiting view={view} question={shown.question} />}
      {shown?.state === 'failed' && (
        <p role="alert" className="answer stale">
          No answer from {view} about {shown.question}: {shown.reason}.
        </p>
      )}
      {shown?.state === 'answered' && (
        <p
          role="status"
          className={`answer ${earlier || shown.answer.asOfPosition < shown.answer.headPosition ? 'stale' : 'fresh'}`}
        >
          {summarize(shown.answer.data, shown.question)} · {describeAnswerFreshness(shown.answer)} ·
          served by {shown.answer.servedBy}
          {earlier && ' · the log was stepped back since you asked (a lab-only control): ask again'}
        </p>
      )}
    </form>
  );
};

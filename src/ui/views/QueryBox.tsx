import { useId, useState, type SyntheticEvent } from 'react';
import type { ViewName } from '../../domain/views';
import type { QueryAnswer, ViewQuery } from '../../workers/projectionHost';
import { useRuntime } from '../runtimeContext';

type Asked =
  | { question: string; state: 'waiting' }
  | { question: string; state: 'answered'; answer: QueryAnswer<unknown> };

/** How fresh an answer was when it was served. */
export const describeAnswerFreshness = ({ asOfPosition, headPosition }: QueryAnswer<unknown>) => {
  const behind = headPosition - asOfPosition;
  return behind > 0
    ? `Stale: as of #${asOfPosition}, head #${headPosition} (${behind} behind)`
    : `Fresh: as of #${asOfPosition}, head #${headPosition}`;
};

type QueryBoxProps = {
  view: ViewName;
  /** The field's label, e.g. "SKU"; for a search view, "Search". */
  label: string;
  placeholder: string;
  toQuery: (text: string) => ViewQuery;
  summarize: (data: unknown, question: string) => string;
};

/** Ask a view one question; the answer comes back by message and says how stale it is. */
export const QueryBox = ({ view, label, placeholder, toQuery, summarize }: QueryBoxProps) => {
  const runtime = useRuntime();
  const [text, setText] = useState('');
  const [asked, setAsked] = useState<Asked | null>(null);
  const inputId = useId();

  const onSubmit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!runtime || text.trim() === '') return;
    const question = text.trim();
    setAsked({ question, state: 'waiting' });
    const answer = await runtime.query(view, toQuery(question));
    setAsked({ question, state: 'answered', answer });
  };

  return (
    <form className="query" aria-label={`Query ${view}`} onSubmit={(e) => void onSubmit(e)}>
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        value={text}
        placeholder={placeholder}
        autoComplete="off"
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="small" disabled={!runtime || text.trim() === ''}>
        Ask {view}
      </button>
      {asked?.state === 'waiting' && (
        <p role="status" className="answer">
          Asking {view} about {asked.question}…
        </p>
      )}
      {asked?.state === 'answered' && (
        <p
          role="status"
          className={`answer ${asked.answer.asOfPosition < asked.answer.headPosition ? 'stale' : 'fresh'}`}
        >
          {summarize(asked.answer.data, asked.question)} · {describeAnswerFreshness(asked.answer)} ·
          served by {asked.answer.servedBy}
        </p>
      )}
    </form>
  );
};

import type { StoredEvent } from '../../domain/types';
import { ShowCode } from '../code/ShowCode';
import { useLog } from '../../state/stores';
import { usePaced } from '../paced';
import type { CodeOf, Feedback } from './useCommandForm';

type Accepted = Extract<Feedback, { kind: 'accepted' }>;

/** The event the page keeps at `position` (positions run without gaps, so it is a guess first). */
const eventAt = (events: readonly StoredEvent[], position: number) => {
  const guess = events[position - (events[0]?.position ?? 1)];
  return guess?.position === position ? guess : events.find((e) => e.position === position);
};

/**
 * Whether a step back took this command's events away since it was accepted. Only a rewrite can do
 * that; until one happens the events count as there, even before the page's log has them. A step
 * back takes the newest away, so an event older than those the page keeps is still there.
 */
const takenBack = (feedback: Accepted) => (log: ReturnType<typeof useLog.getState>) =>
  log.rewrites > feedback.rewrites &&
  feedback.events.some((e) => {
    if (e.position > log.head) return true;
    const kept = eventAt(log.recent, e.position);
    return kept !== undefined && kept.meta.commandId !== e.commandId;
  });

/** The decider's code for the command: the rule that refused it, if one did. */
const CommandCode = ({ code }: { code: CodeOf }) => (
  <ShowCode
    label={
      code.refusal === undefined ? 'Show the code that decided it' : 'Show the rule that refused it'
    }
    request={{ kind: 'command', ...code }}
  />
);

const AcceptedFeedback = ({ feedback }: { feedback: Accepted }) => {
  const gone = usePaced(useLog, takenBack(feedback));
  return gone ? (
    <p role="status" className="feedback feedback-waiting">
      Taken back by Step back (a simulator feature; a real event store is append-only): the log no
      longer holds {feedback.events.map((e) => `${e.type} #${e.position}`).join(', ')}. Sending it
      again appends it anew.
    </p>
  ) : (
    <>
      <p role="status" className="feedback feedback-ok">
        {feedback.text}
      </p>
      <CommandCode key={feedback.text} code={feedback.code} />
    </>
  );
};

/** Accepted commands are a polite status; refusals an alert. What a reset made void is not shown. */
export const CommandFeedback = ({ feedback }: { feedback: Feedback }) => {
  const resets = usePaced(useLog, (s) => s.resets);
  if ((feedback.kind === 'accepted' || feedback.kind === 'refused') && feedback.resets !== resets)
    return null;
  switch (feedback.kind) {
    case 'none':
      return null;
    case 'waiting':
      return (
        <p role="status" className="feedback feedback-waiting">
          {feedback.text}
        </p>
      );
    case 'accepted':
      return <AcceptedFeedback feedback={feedback} />;
    case 'unknown':
      return (
        <p role="alert" className="feedback feedback-refused">
          {feedback.text}{' '}
          <button type="button" className="small" onClick={feedback.retry}>
            Retry
          </button>
        </p>
      );
    case 'refused':
      return (
        <>
          <p role="alert" className="feedback feedback-refused">
            {feedback.text}
          </p>
          {feedback.code && <CommandCode key={feedback.text} code={feedback.code} />}
        </>
      );
  }
};

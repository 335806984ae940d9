import type { Feedback } from './useCommandForm';

/** Accepted commands are a polite status; refusals an alert. */
export const CommandFeedback = ({ feedback }: { feedback: Feedback }) => {
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
      return (
        <p role="status" className="feedback feedback-ok">
          {feedback.text}
        </p>
      );
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
        <p role="alert" className="feedback feedback-refused">
          {feedback.text}
        </p>
      );
  }
};

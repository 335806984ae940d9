// Sends a command and keeps what the learner should see about its fate.
import { useState } from 'react';
import type { CommandOutcome } from '../../bus/protocol';
import { useRuntime } from '../runtimeContext';
import type { CommandInput } from '../../runtime/runtime';
import { toFieldErrors, type FieldErrors } from './formParsing';
import { noteWork } from '../../state/lessons';
import { noteAccepted } from '../../state/session';
import { useLog } from '../../state/stores';
import { useSettings } from '../../state/settings';
import type { DesignId } from '../design/designText';
import { DroppedByResetError } from '../../runtime/replies';

const logCounts = () => {
  const { rewrites, resets } = useLog.getState();
  return { rewrites, resets };
};
const refused = (text: string, code?: CodeOf): Feedback => ({
  kind: 'refused',
  text,
  resets: useLog.getState().resets,
  ...(code ? { code } : {}),
});

/** Which command's code the feedback can show, and for a refusal, the reason to find the rule of. */
export type CodeOf = { commandType: string; refusal?: string };

export type Feedback =
  | { kind: 'none' }
  | { kind: 'waiting'; text: string }
  /**
   * `events` are where the command's events sit in the log; `rewrites` and `resets` are the log's
   * counts when it was accepted, so the feedback can tell when those events were taken back.
   */
  | {
      kind: 'accepted';
      text: string;
      events: { position: number; commandId: string; type: string }[];
      rewrites: number;
      resets: number;
      code: CodeOf;
    }
  | { kind: 'refused'; text: string; resets: number; code?: CodeOf }
  /** The command may or may not have been saved; `retry` sends it again under the same id. */
  | { kind: 'unknown'; text: string; retry: () => void };

export const describeAccepted = (
  outcome: Extract<CommandOutcome, { status: 'accepted' }>,
  design: DesignId,
) => {
  const events = outcome.events.map((event) => `${event.type} #${event.position}`).join(', ');
  if (outcome.duplicate)
    // A design that keeps no events answers a repeat from its record of the command alone.
    return events
      ? `Already recorded: ${events}`
      : 'Already recorded: this command was applied before, so nothing changed';
  if (design === 'event-sourced') return `Appended ${events}`;
  // No log here: the number counts changes, and the events are the rules' decision, not a record.
  const change = `Saved as change #${String(outcome.events.at(-1)?.position ?? 0)}`;
  const types = outcome.events.map((event) => event.type).join(', ');
  if (design === 'after-commit')
    return `${change}: the state was overwritten, and ${events} ${outcome.events.length === 1 ? 'was' : 'were'} put in the outbox for the views`;
  const views =
    design === 'same-transaction' ? ', with the views’ rows in the same transaction' : '';
  return `${change}: the state was overwritten${views} (the rules decided ${types}; these events are not stored)`;
};

export const useCommandForm = () => {
  const runtime = useRuntime();
  const [feedback, setFeedback] = useState<Feedback>({ kind: 'none' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  /**
   * Returns true when the command was accepted. A retry passes the first attempt's id: if that
   * attempt was saved after all, the write model answers with its events and saves nothing again.
   */
  const send = async (
    command: CommandInput,
    commandId: string = crypto.randomUUID(),
  ): Promise<boolean> => {
    if (!runtime) return false;
    noteWork();
    setBusy(true);
    setFeedback({
      kind: 'waiting',
      text: 'Sent: the command is on its way to the write model…',
    });
    try {
      const outcome = await runtime.dispatch(command, undefined, commandId);
      switch (outcome.status) {
        case 'accepted':
          if (!outcome.duplicate) noteAccepted(command);
          setFieldErrors({});
          setFeedback({
            kind: 'accepted',
            text: describeAccepted(outcome, useSettings.getState().design),
            events: outcome.events.map((e) => ({
              position: e.position,
              commandId: e.meta.commandId,
              type: e.type,
            })),
            ...logCounts(),
            code: { commandType: command.type },
          });
          return true;
        case 'rejected':
          setFeedback(
            refused(`Refused: ${outcome.reason}`, {
              commandType: command.type,
              refusal: outcome.reason,
            }),
          );
          return false;
        case 'invalid':
          setFieldErrors(toFieldErrors(outcome.issues, 'data.'));
          setFeedback(refused(`Not sent: ${outcome.reason}`));
          return false;
        case 'failed':
          setFeedback(refused(`Not saved: ${outcome.reason}`));
          return false;
      }
    } catch (error) {
      if (error instanceof DroppedByResetError) {
        setFeedback(
          refused(
            'Dropped by Reset (a lab-only control): the store was emptied before this command’s reply came back, so nothing it may have written is kept. Send it again if you still want it.',
          ),
        );
        return false;
      }
      setFeedback({
        kind: 'unknown',
        text: `No answer (${error instanceof Error ? error.message : String(error)}), so it is not known whether the command was saved. Retrying sends it again under the same id: it cannot be saved twice.`,
        retry: () => void send(command, commandId),
      });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const showInvalid = (errors: FieldErrors) => {
    setFieldErrors(errors);
    setFeedback(refused('Please correct the highlighted fields.'));
  };

  return { send, showInvalid, feedback, fieldErrors, busy, ready: runtime !== undefined };
};

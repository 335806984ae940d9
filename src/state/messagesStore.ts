// Messages on their way, by id: what the flow diagram and the in-flight table draw.
import { create } from 'zustand';
import type { TraceFrame, TraceMessage } from '../bus/protocol';

export const useMessages = create<{ pending: Record<number, TraceMessage> }>(() => ({
  pending: {},
}));

/**
 * Takes a batch's sends, hand-overs, drops and step backs; returns the messages it handed over
 * (by id), which the timeline records.
 */
export const takeMessageFrames = (frames: readonly TraceFrame[]): Map<number, TraceMessage> => {
  const pending = new Map(Object.values(useMessages.getState().pending).map((m) => [m.id, m]));
  const handedOver = new Map<number, TraceMessage>();
  let touched = false;
  for (const frame of frames) {
    switch (frame.kind) {
      case 'sent':
        pending.set(frame.message.id, frame.message);
        break;
      case 'delivered':
        for (const id of frame.ids) {
          const message = pending.get(id);
          if (message) handedOver.set(id, message);
          pending.delete(id);
        }
        break;
      case 'dropped':
        for (const id of frame.ids) pending.delete(id);
        break;
      case 'undelivered':
        for (const id of frame.withdrawn) pending.delete(id);
        for (const m of frame.messages) pending.set(m.id, m);
        break;
      case 'reset':
        pending.clear();
        break;
      default:
        continue;
    }
    touched = true;
  }
  if (touched) useMessages.setState({ pending: Object.fromEntries(pending) });
  return handedOver;
};

/** A new bus starts its message ids again: what the old one had in flight is gone with it. */
export const forgetPending = (): void => useMessages.setState({ pending: {} });

// What the last step did, for the words a screen reader hears (the Toolbar's live region). Only
// hand-overs made while the clock is paused are news (each is a step the learner took); with the
// clock running, deliveries come too fast to announce one by one.
import { create } from 'zustand';
import type { TraceFrame, TraceMessage } from '../bus/protocol';

export type StepNews =
  | {
      kind: 'delivered';
      to: string;
      messages: TraceMessage[];
      /** A view's checkpoint and head once it has applied the delivery. */
      view?: { checkpoint: number; head: number };
      /** The replies the delivery caused (outcomes, answers), as they are sent. */
      replies: TraceMessage[];
    }
  | { kind: 'taken-back'; messages: TraceMessage[] };

/** `count` grows with each new step, so the same words twice are still announced twice. */
export const useStepNews = create<{ news: StepNews | null; count: number }>(() => ({
  news: null,
  count: 0,
}));

let playing = true;

/** Takes a batch's frames; `handedOver` is what its deliveries handed over (by id). */
export const takeStepFrames = (
  frames: readonly TraceFrame[],
  handedOver: ReadonlyMap<number, TraceMessage>,
): void => {
  let { news, count } = useStepNews.getState();
  const before = news;
  for (const frame of frames) {
    switch (frame.kind) {
      case 'clock':
        playing = frame.playing;
        break;
      case 'delivered':
        if (playing) break;
        news = {
          kind: 'delivered',
          to: frame.to,
          messages: frame.ids.flatMap((id) => handedOver.get(id) ?? []),
          replies: [],
        };
        count += 1;
        break;
      case 'view-changed':
      case 'view-snapshot':
        if (news?.kind === 'delivered' && news.to === frame.view && !news.view)
          news = { ...news, view: { checkpoint: frame.checkpoint, head: frame.head } };
        break;
      case 'sent': {
        const cause = frame.message.causationId;
        if (news?.kind === 'delivered' && news.messages.some((m) => m.id === cause))
          news = { ...news, replies: [...news.replies, frame.message] };
        break;
      }
      case 'undelivered':
        news = { kind: 'taken-back', messages: frame.messages };
        count += 1;
        break;
      case 'reset':
        news = null;
        break;
      default:
        break;
    }
  }
  if (news !== before) useStepNews.setState({ news, count });
};

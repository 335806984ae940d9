// What happened when, in virtual time (see timeline.ts): written from the trace, in order.
import { create } from 'zustand';
import { WRITE_MODEL, type TraceFrame, type TraceMessage } from '../bus/protocol';
import {
  emptyTimeline,
  forgetDeliveries,
  LIMIT,
  toDelivered,
  type TimelineRecord,
} from './timeline';

export const useTimeline = create<TimelineRecord>(() => emptyTimeline());

/**
 * What the timeline needs to date an append or a checkpoint and the screen does not draw: the
 * last hand-over to each receiver (when, and its first message's id) and the bus's clock.
 */
const cursor = { lastDelivery: new Map<string, { at: number; id: number }>(), now: 0 };

/** Records a batch's hand-overs (`handedOver`: the messages, by id), appends and checkpoints. */
export const takeTimelineFrames = (
  frames: readonly TraceFrame[],
  handedOver: ReadonlyMap<number, TraceMessage>,
): void => {
  const record = useTimeline.getState();
  let delivered = [...record.delivered];
  let appends = [...record.appends];
  let checkpoints = [...record.checkpoints];
  let touched = false;
  const checkpoint = (view: string, position: number) => {
    const last = cursor.lastDelivery.get(view);
    checkpoints.push({
      view,
      at: last?.at ?? cursor.now,
      checkpoint: position,
      deliveryId: last?.id ?? null,
    });
  };
  for (const frame of frames) {
    switch (frame.kind) {
      case 'clock':
        cursor.now = frame.now;
        continue;
      case 'appended': {
        const by = cursor.lastDelivery.get(WRITE_MODEL);
        const first = frame.events[0]?.position ?? 0;
        appends.push({ at: by?.at ?? 0, first, last: frame.head, deliveryId: by?.id ?? 0 });
        break;
      }
      case 'view-snapshot':
      case 'view-changed':
        checkpoint(frame.view, frame.checkpoint);
        break;
      case 'delivered':
        for (const id of frame.ids) {
          const message = handedOver.get(id);
          if (message) delivered.push(toDelivered(message, frame.at));
        }
        cursor.lastDelivery.set(frame.to, { at: frame.at, id: frame.ids[0] ?? 0 });
        break;
      case 'undelivered': {
        const kept = forgetDeliveries(
          { delivered, appends, checkpoints },
          frame.messages.map((m) => m.id),
        );
        ({ delivered, appends, checkpoints } = kept);
        break;
      }
      case 'reset':
        delivered = [];
        appends = [];
        checkpoints = [];
        cursor.lastDelivery.clear();
        break;
      default:
        continue;
    }
    touched = true;
  }
  if (touched)
    useTimeline.setState({
      delivered: delivered.slice(-LIMIT),
      appends: appends.slice(-LIMIT),
      checkpoints: checkpoints.slice(-LIMIT),
    });
};

/** A new bus starts its clock and message ids again: its timeline starts empty too. */
export const forgetTimeline = (): void => {
  cursor.lastDelivery.clear();
  useTimeline.setState(emptyTimeline());
};

// What the screen shows, one zustand slice per concern, each written through its own actions.
// Components subscribe with narrow selectors; the runtime hands every batch of trace frames to
// applyTraceFrames, which gives it to each slice in turn. Nothing here calls back up.
import type { TraceFrame } from '../bus/protocol';
import { takeLogFrames } from './logStore';
import { forgetPending, takeMessageFrames } from './messagesStore';
import { forgetLoad, takeStatusFrames } from './statusStores';
import { takeStepFrames } from './stepNews';
import { forgetTimeline, takeTimelineFrames } from './timelineStore';
import { takeViewFrames } from './viewsStore';

export { receiveEvents, selectEvent, showProvenance, useLog } from './logStore';
export { useMessages } from './messagesStore';
export {
  markAllUp,
  markDown,
  setRuntimeStatus,
  showNotice,
  useClock,
  useDownParts,
  useLoad,
  useNotice,
  useRuntimeStatus,
  type ClockState,
  type Recovery,
  type RuntimeStatus,
} from './statusStores';
export { useTimeline } from './timelineStore';
export { useViews } from './viewsStore';
export { useStepNews, type StepNews } from './stepNews';

/** Applies one animation frame's worth of trace frames to every slice, in the order they came. */
export const applyTraceFrames = (frames: readonly TraceFrame[]): void => {
  takeLogFrames(frames);
  takeViewFrames(frames);
  const handedOver = takeMessageFrames(frames);
  takeTimelineFrames(frames, handedOver);
  takeStepFrames(frames, handedOver);
  takeStatusFrames(frames);
};

/**
 * A new bus (after a restart in place) starts its clock and message ids again: what the old one
 * had in flight, and its timeline, are gone with it. The log and the views come back from storage.
 */
export const forgetMessages = (): void => {
  forgetPending();
  forgetTimeline();
  forgetLoad();
};

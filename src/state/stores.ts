// zustand stores: one per concern. Components subscribe with narrow selectors; workers feed them through
// the runtime's trace frames, never by polling.
import { create } from 'zustand';
import { WRITE_MODEL, type Message } from '../bus/messages';
import type { ClockFrame, TraceFrame } from '../bus/trace';
import type { StoredEvent } from '../domain/types';
import { mergeByPosition } from './log';
import type { Provenance } from './logView';
import { emptyTimeline, forgetDeliveries, recordDelivery, type TimelineRecord } from './timeline';
import { applyChanges, applySnapshot, emptyView, type ViewState } from './views';

type LogState = {
  events: StoredEvent[];
  head: number;
  selected: number | null;
  /** The events a read-view row was built from, highlighted in the log. */
  provenance: Provenance | null;
};

export const useLog = create<LogState>(() => ({
  events: [],
  head: 0,
  selected: null,
  provenance: null,
}));

export const showProvenance = (provenance: Provenance | null): void =>
  useLog.setState({ provenance });

export const useViews = create<{ views: Record<string, ViewState> }>(() => ({ views: {} }));

/** The bus's clock, and when (page time) the page last heard it, to animate between frames. */
export type ClockState = Omit<ClockFrame, 'kind'> & { receivedAt: number };
export const useClock = create<ClockState>(() => ({
  now: 0,
  pending: 0,
  playing: true,
  speed: 1,
  history: 0,
  receivedAt: 0,
}));

/** Messages on their way, by id (what the flow and the queue badges draw). */
export const useMessages = create<{ pending: Record<number, Message> }>(() => ({ pending: {} }));

export const useTimeline = create<TimelineRecord>(() => emptyTimeline());

/** The last hand-over to each receiver: when, and the id of its first message. */
const lastDelivery = new Map<string, { at: number; id: number }>();

const recordCheckpoint = (view: string, checkpoint: number) => {
  const last = lastDelivery.get(view);
  const at = last?.at ?? useClock.getState().now;
  useTimeline.setState((t) => ({
    checkpoints: [...t.checkpoints, { view, at, checkpoint, deliveryId: last?.id ?? null }].slice(
      -3_000,
    ),
  }));
};

export const useNotice = create<{ text: string | null }>(() => ({ text: null }));

export type RuntimeStatus =
  { phase: 'starting' } | { phase: 'ready' } | { phase: 'failed'; message: string };

export const useRuntimeStatus = create<RuntimeStatus>(() => ({ phase: 'starting' }));

export const receiveEvents = (events: readonly StoredEvent[]): void =>
  useLog.setState((state) => {
    const merged = mergeByPosition(state.events, events);
    return { events: merged, head: Math.max(state.head, merged.at(-1)?.position ?? 0) };
  });

export const selectEvent = (position: number | null): void =>
  useLog.setState({ selected: position });

const updateView = (name: string, change: (view: ViewState) => ViewState) =>
  useViews.setState((state) => ({
    views: { ...state.views, [name]: change(state.views[name] ?? emptyView()) },
  }));

const addPending = (messages: readonly Message[]) =>
  useMessages.setState((state) => ({
    pending: { ...state.pending, ...Object.fromEntries(messages.map((m) => [m.id, m])) },
  }));

const removePending = (ids: readonly number[]) => {
  const gone = new Set(ids);
  useMessages.setState((state) => ({
    pending: Object.fromEntries(
      Object.entries(state.pending).filter(([id]) => !gone.has(Number(id))),
    ),
  }));
};

const truncateLog = (head: number) =>
  useLog.setState((state) => ({
    events: state.events.filter((e) => e.position <= head),
    head,
    selected: state.selected !== null && state.selected > head ? null : state.selected,
  }));

/** Applies one animation frame's worth of trace frames to the stores. */
export const applyTraceFrames = (frames: readonly TraceFrame[]): void => {
  for (const frame of frames) {
    switch (frame.kind) {
      case 'appended': {
        receiveEvents(frame.events);
        const by = lastDelivery.get(WRITE_MODEL);
        const first = frame.events[0]?.position ?? 0;
        useTimeline.setState((t) => ({
          appends: [
            ...t.appends,
            { at: by?.at ?? 0, first, last: frame.head, deliveryId: by?.id ?? 0 },
          ].slice(-3_000),
        }));
        break;
      }
      case 'unappended':
        truncateLog(frame.head);
        break;
      case 'view-snapshot':
        updateView(frame.view, (view) => applySnapshot(view, frame));
        recordCheckpoint(frame.view, frame.checkpoint);
        break;
      case 'view-changed':
        updateView(frame.view, (view) => applyChanges(view, frame));
        recordCheckpoint(frame.view, frame.checkpoint);
        break;
      case 'view-phase':
        updateView(frame.view, (view) => ({
          ...view,
          phase: frame.phase,
          progress: frame.progress,
        }));
        break;
      case 'view-rebuilt':
        updateView(frame.view, (view) => ({
          ...view,
          lastRebuild: { events: frame.events, ms: frame.ms },
        }));
        break;
      case 'sent':
        addPending([frame.message]);
        break;
      case 'delivered': {
        const { pending } = useMessages.getState();
        const messages = frame.ids.flatMap((id) => pending[id] ?? []);
        useTimeline.setState((t) => recordDelivery(t, messages, frame.at));
        lastDelivery.set(frame.to, { at: frame.at, id: frame.ids[0] ?? 0 });
        removePending(frame.ids);
        break;
      }
      case 'dropped':
        removePending(frame.ids);
        break;
      case 'undelivered':
        removePending(frame.withdrawn);
        addPending(frame.messages);
        useTimeline.setState((t) =>
          forgetDeliveries(
            t,
            frame.messages.map((m) => m.id),
          ),
        );
        break;
      case 'clock':
        useClock.setState({
          now: frame.now,
          pending: frame.pending,
          playing: frame.playing,
          speed: frame.speed,
          history: frame.history,
          receivedAt: performance.now(),
        });
        break;
      case 'notice':
        useNotice.setState({ text: frame.text });
        break;
      case 'reset':
        useLog.setState({ events: [], head: 0, selected: null, provenance: null });
        useTimeline.setState(emptyTimeline());
        lastDelivery.clear();
        useMessages.setState({ pending: {} });
        useNotice.setState({ text: null });
        break;
    }
  }
};

export const setRuntimeStatus = (status: RuntimeStatus): void =>
  useRuntimeStatus.setState(status, true);

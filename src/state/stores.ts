// zustand stores: one per concern. Components subscribe with narrow selectors; workers feed them through
// the runtime's trace frames, never by polling.
import { create } from 'zustand';
import type { Message } from '../bus/messages';
import type { ClockFrame, TraceFrame } from '../bus/trace';
import type { StoredEvent } from '../domain/types';
import { mergeByPosition } from './log';
import { applyChanges, applySnapshot, emptyView, type ViewState } from './views';

type LogState = { events: StoredEvent[]; head: number; selected: number | null };

export const useLog = create<LogState>(() => ({ events: [], head: 0, selected: null }));

export const useViews = create<{ views: Record<string, ViewState> }>(() => ({ views: {} }));

export type ClockState = Omit<ClockFrame, 'kind'>;
export const useClock = create<ClockState>(() => ({
  now: 0,
  pending: 0,
  playing: true,
  speed: 1,
  history: 0,
}));

/** Messages on their way, by id (what the flow and the queue badges draw). */
export const useMessages = create<{ pending: Record<number, Message> }>(() => ({ pending: {} }));

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
      case 'appended':
        receiveEvents(frame.events);
        break;
      case 'unappended':
        truncateLog(frame.head);
        break;
      case 'view-snapshot':
        updateView(frame.view, (view) => applySnapshot(view, frame));
        break;
      case 'view-changed':
        updateView(frame.view, (view) => applyChanges(view, frame));
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
      case 'delivered':
      case 'dropped':
        removePending(frame.ids);
        break;
      case 'undelivered':
        removePending(frame.withdrawn);
        addPending(frame.messages);
        break;
      case 'clock':
        useClock.setState({
          now: frame.now,
          pending: frame.pending,
          playing: frame.playing,
          speed: frame.speed,
          history: frame.history,
        });
        break;
      case 'notice':
        useNotice.setState({ text: frame.text });
        break;
      case 'reset':
        useLog.setState({ events: [], head: 0, selected: null });
        useMessages.setState({ pending: {} });
        useNotice.setState({ text: null });
        break;
    }
  }
};

export const setRuntimeStatus = (status: RuntimeStatus): void =>
  useRuntimeStatus.setState(status, true);

// zustand stores: one per concern. Components subscribe with narrow selectors; workers feed them through
// the runtime's trace frames, never by polling.
import { create } from 'zustand';
import type { TraceFrame } from '../bus/trace';
import type { StoredEvent } from '../domain/types';
import { mergeByPosition } from './log';
import { applyChanges, applySnapshot, emptyView, type ViewState } from './views';

type LogState = { events: StoredEvent[]; head: number; selected: number | null };

export const useLog = create<LogState>(() => ({ events: [], head: 0, selected: null }));

export const useViews = create<{ views: Record<string, ViewState> }>(() => ({ views: {} }));

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

/** Applies one animation frame's worth of trace frames to the stores. */
export const applyTraceFrames = (frames: readonly TraceFrame[]): void => {
  for (const frame of frames) {
    switch (frame.kind) {
      case 'appended':
        receiveEvents(frame.events);
        break;
      case 'view-snapshot':
        updateView(frame.view, (view) => applySnapshot(view, frame));
        break;
      case 'view-changed':
        updateView(frame.view, (view) => applyChanges(view, frame));
        break;
    }
  }
};

export const setRuntimeStatus = (status: RuntimeStatus): void =>
  useRuntimeStatus.setState(status, true);

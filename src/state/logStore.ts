// The event log as the page knows it: its head, and only its newest events (filled by the tail the
// runtime reads from storage and by the trace's appends), so a long log costs the page no more
// than a short one; the table reads older windows from the write worker. Which event is selected,
// and which are highlighted, is the learner's.
import { create } from 'zustand';
import type { TraceFrame } from '../bus/protocol';
import type { StoredEvent } from '../domain/types';
import { keepRecent } from './log';
import type { Provenance } from './logView';

type LogState = {
  /** The newest events (at most RECENT_EVENTS), oldest first; older ones stay in storage. */
  recent: StoredEvent[];
  head: number;
  selected: number | null;
  /** The events a read-view row was built from, highlighted in the log. */
  provenance: Provenance | null;
  /** How many times the log has been reset, so a reader can tell the new log from the old. */
  resets: number;
  /**
   * How many times events were taken away or replaced (a reset, an import in place of the log, a
   * step back): what was computed from the log before may no longer hold.
   */
  rewrites: number;
};

export const useLog = create<LogState>(() => ({
  recent: [],
  head: 0,
  selected: null,
  provenance: null,
  resets: 0,
  rewrites: 0,
}));

export const showProvenance = (provenance: Provenance | null): void =>
  useLog.setState({ provenance });

export const receiveEvents = (events: readonly StoredEvent[]): void =>
  useLog.setState((state) => {
    const recent = keepRecent(state.recent, events);
    return { recent, head: Math.max(state.head, recent.at(-1)?.position ?? 0) };
  });

export const selectEvent = (position: number | null): void =>
  useLog.setState({ selected: position });

const truncateLog = (head: number) =>
  useLog.setState((state) => ({
    recent: state.recent.filter((e) => e.position <= head),
    head,
    selected: state.selected !== null && state.selected > head ? null : state.selected,
    rewrites: state.rewrites + 1,
  }));

const clearLog = () =>
  useLog.setState((state) => ({
    recent: [],
    head: 0,
    selected: null,
    provenance: null,
    resets: state.resets + 1,
    rewrites: state.rewrites + 1,
  }));

/** The trace's appends, step backs and resets, in order; a batch's appends are merged at once. */
export const takeLogFrames = (frames: readonly TraceFrame[]): void => {
  let appended: StoredEvent[] = [];
  const flush = () => {
    if (appended.length > 0) receiveEvents(appended);
    appended = [];
  };
  for (const frame of frames) {
    switch (frame.kind) {
      case 'appended':
        appended = appended.concat(frame.events);
        break;
      case 'unappended':
        flush();
        truncateLog(frame.head);
        break;
      case 'reset':
        appended = [];
        clearLog();
        break;
      default:
        break;
    }
  }
  flush();
};

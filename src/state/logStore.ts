// The event log as the screen shows it: filled by the pages the runtime reads from storage and by
// the trace's appends; which event is selected, and which are highlighted, is the learner's.
import { create } from 'zustand';
import type { TraceFrame } from '../bus/protocol';
import type { StoredEvent } from '../domain/types';
import { mergeByPosition } from './log';
import type { Provenance } from './logView';

type LogState = {
  events: StoredEvent[];
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
  events: [],
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
    const merged = mergeByPosition(state.events, events);
    return { events: merged, head: Math.max(state.head, merged.at(-1)?.position ?? 0) };
  });

export const selectEvent = (position: number | null): void =>
  useLog.setState({ selected: position });

const truncateLog = (head: number) =>
  useLog.setState((state) => ({
    events: state.events.filter((e) => e.position <= head),
    head,
    selected: state.selected !== null && state.selected > head ? null : state.selected,
    rewrites: state.rewrites + 1,
  }));

const clearLog = () =>
  useLog.setState((state) => ({
    events: [],
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

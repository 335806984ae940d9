// zustand stores: one per concern. Components subscribe with narrow selectors; workers feed them through
// the runtime's trace frames, never by polling.
import { create } from 'zustand';
import { WRITE_MODEL, type TraceMessage, type ClockFrame, type TraceFrame } from '../bus/protocol';
import type { StoredEvent } from '../domain/types';
import { mergeByPosition } from './log';
import type { Provenance } from './logView';
import {
  emptyTimeline,
  forgetDeliveries,
  LIMIT,
  toDelivered,
  type TimelineRecord,
} from './timeline';
import { applySnapshot, emptyView, type ViewState } from './views';

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
export const useMessages = create<{ pending: Record<number, TraceMessage> }>(() => ({
  pending: {},
}));

export const useTimeline = create<TimelineRecord>(() => emptyTimeline());

/** The last hand-over to each receiver: when, and the id of its first message. */
const lastDelivery = new Map<string, { at: number; id: number }>();

/** The workload generator's progress. */
export const useLoad = create<{ running: boolean; sent: number; total: number }>(() => ({
  running: false,
  sent: 0,
  total: 0,
}));

export const useNotice = create<{ text: string | null }>(() => ({ text: null }));

/** What the learner can do about a failure: restart a worker in place (else the page offers Reload). */
export type Recovery = { label: string; run: () => void };

export type RuntimeStatus =
  | { phase: 'starting' }
  | { phase: 'ready' }
  | { phase: 'failed'; message: string; action?: Recovery };

export const useRuntimeStatus = create<RuntimeStatus>(() => ({ phase: 'starting' }));

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

/**
 * Applies one animation frame's worth of trace frames to the stores. A burst brings thousands of
 * frames at once, so each store is copied once per batch, changed in place, and set once.
 */
export const applyTraceFrames = (frames: readonly TraceFrame[]): void => {
  const pending = new Map(Object.values(useMessages.getState().pending).map((m) => [m.id, m]));
  let timeline = useTimeline.getState();
  const delivered = [...timeline.delivered];
  const appends = [...timeline.appends];
  const checkpoints = [...timeline.checkpoints];
  let forgotten: number[] = [];
  const views = { ...useViews.getState().views };
  const rowsCopied = new Set<string>();
  let appended: StoredEvent[] = [];
  let touched = { pending: false, timeline: false, views: false };

  const view = (name: string): ViewState => {
    const current = views[name] ?? emptyView();
    if (!rowsCopied.has(name)) {
      rowsCopied.add(name);
      views[name] = { ...current, rows: { ...current.rows } };
    }
    touched.views = true;
    return views[name] ?? current;
  };
  const flushLog = () => {
    if (appended.length > 0) receiveEvents(appended);
    appended = [];
  };
  const checkpoint = (name: string, position: number) => {
    const last = lastDelivery.get(name);
    checkpoints.push({
      view: name,
      at: last?.at ?? useClock.getState().now,
      checkpoint: position,
      deliveryId: last?.id ?? null,
    });
    touched.timeline = true;
  };

  for (const frame of frames) {
    switch (frame.kind) {
      case 'appended': {
        appended = appended.concat(frame.events);
        const by = lastDelivery.get(WRITE_MODEL);
        const first = frame.events[0]?.position ?? 0;
        appends.push({ at: by?.at ?? 0, first, last: frame.head, deliveryId: by?.id ?? 0 });
        touched.timeline = true;
        break;
      }
      case 'unappended':
        flushLog();
        truncateLog(frame.head);
        // The log ends earlier now: no view can be behind events that are gone.
        for (const name of Object.keys(views)) {
          const current = views[name];
          if (current && (current.head > frame.head || current.checkpoint > frame.head)) {
            const changed = view(name);
            changed.head = Math.min(changed.head, frame.head);
            changed.checkpoint = Math.min(changed.checkpoint, frame.head);
          }
        }
        break;
      case 'view-snapshot':
        views[frame.view] = applySnapshot(views[frame.view] ?? emptyView(), frame);
        rowsCopied.add(frame.view);
        touched.views = true;
        checkpoint(frame.view, frame.checkpoint);
        break;
      case 'view-changed': {
        const current = view(frame.view);
        for (const { key, value } of frame.changes) {
          if (value === null) Reflect.deleteProperty(current.rows, key);
          else current.rows[key] = value;
        }
        current.checkpoint = frame.checkpoint;
        current.head = frame.head;
        if (frame.changes.length > 0) current.lastChanged = frame.changes.map((c) => c.key);
        if (frame.reapplied) current.reapplied += frame.reapplied;
        checkpoint(frame.view, frame.checkpoint);
        break;
      }
      case 'view-phase': {
        const current = view(frame.view);
        current.phase = frame.phase;
        current.progress = frame.progress;
        break;
      }
      case 'view-rebuilt': {
        const current = view(frame.view);
        current.lastRebuild = { events: frame.events, ms: frame.ms };
        current.reapplied = 0; // built again from the log: whatever was applied twice is gone
        break;
      }
      case 'view-duplicate-check':
        view(frame.view).duplicateCheck = frame.on;
        break;
      case 'sent':
        pending.set(frame.message.id, frame.message);
        touched.pending = true;
        break;
      case 'delivered': {
        for (const id of frame.ids) {
          const message = pending.get(id);
          if (message) delivered.push(toDelivered(message, frame.at));
          pending.delete(id);
        }
        lastDelivery.set(frame.to, { at: frame.at, id: frame.ids[0] ?? 0 });
        touched = { ...touched, pending: true, timeline: true };
        break;
      }
      case 'dropped':
        for (const id of frame.ids) pending.delete(id);
        touched.pending = true;
        break;
      case 'undelivered':
        for (const id of frame.withdrawn) pending.delete(id);
        for (const m of frame.messages) pending.set(m.id, m);
        forgotten = forgotten.concat(frame.messages.map((m) => m.id));
        timeline = forgetDeliveries({ delivered, appends, checkpoints }, forgotten);
        delivered.splice(0, delivered.length, ...timeline.delivered);
        appends.splice(0, appends.length, ...timeline.appends);
        checkpoints.splice(0, checkpoints.length, ...timeline.checkpoints);
        forgotten = [];
        touched = { ...touched, pending: true, timeline: true };
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
      case 'load':
        useLoad.setState({ running: frame.running, sent: frame.sent, total: frame.total });
        break;
      case 'notice':
        useNotice.setState({ text: frame.text });
        break;
      case 'reset':
        appended = [];
        useLog.setState((state) => ({
          events: [],
          head: 0,
          selected: null,
          provenance: null,
          resets: state.resets + 1,
          rewrites: state.rewrites + 1,
        }));
        delivered.length = 0;
        appends.length = 0;
        checkpoints.length = 0;
        lastDelivery.clear();
        pending.clear();
        // A rebuild's note belongs to the log that was just cleared.
        for (const name of Object.keys(views)) {
          const current = view(name);
          current.lastRebuild = undefined;
          current.reapplied = 0;
        }
        touched = { pending: true, timeline: true, views: touched.views };
        useNotice.setState({ text: null });
        break;
    }
  }
  flushLog();
  if (touched.pending) useMessages.setState({ pending: Object.fromEntries(pending) });
  if (touched.timeline)
    useTimeline.setState({
      delivered: delivered.slice(-LIMIT),
      appends: appends.slice(-LIMIT),
      checkpoints: checkpoints.slice(-LIMIT),
    });
  if (touched.views) useViews.setState({ views });
};

/** Parts whose worker stopped answering (the page's watchdog found it gone), until restarted. */
export const useDownParts = create<{ down: readonly string[] }>(() => ({ down: [] }));

export const markDown = (part: string, down: boolean): void =>
  useDownParts.setState((state) => ({
    down: down ? [...new Set([...state.down, part])] : state.down.filter((p) => p !== part),
  }));

export const setRuntimeStatus = (status: RuntimeStatus): void =>
  useRuntimeStatus.setState(status, true);

/**
 * A new bus (after a restart in place) starts its clock and message ids again: what the old one
 * had in flight, and its timeline, are gone with it. The log and the views come back from storage.
 */
export const forgetMessages = (): void => {
  lastDelivery.clear();
  useMessages.setState({ pending: {} });
  useTimeline.setState(emptyTimeline());
  useLoad.setState({ running: false, sent: 0, total: 0 });
};

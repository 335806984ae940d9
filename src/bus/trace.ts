// The trace: a compact record of what happened, sent from the workers to the screen.
// Every part of the UI renders from it, so the parts never disagree.
import type { StoredEvent } from '../domain/types';
import type { Message } from './messages';

export type RowChange = { key: string; value: unknown };

/** How a read view is doing, as the bus sees it. */
export type ViewPhase = 'starting' | 'running' | 'paused' | 'stopped' | 'rebuilding';

export type ClockFrame = {
  kind: 'clock';
  now: number;
  pending: number;
  playing: boolean;
  speed: number;
  /** Deliveries that Step back can take back. */
  history: number;
};

export type TraceFrame =
  | { kind: 'appended'; events: StoredEvent[]; head: number }
  /** A step back took appended events away: the log now ends at `head`. */
  | { kind: 'unappended'; head: number }
  | { kind: 'view-snapshot'; view: string; rows: RowChange[]; checkpoint: number; head: number }
  | {
      kind: 'view-changed';
      view: string;
      /** `value: null` means the row was deleted. */
      changes: RowChange[];
      checkpoint: number;
      head: number;
      /** Events applied again although already applied (only with the duplicate check off). */
      reapplied?: number;
      /** When the change was committed: real time, ms since the epoch (comparable across workers). */
      at?: number;
    }
  /** A view's duplicate check was turned off or on again. */
  | { kind: 'view-duplicate-check'; view: string; on: boolean }
  | {
      kind: 'view-phase';
      view: string;
      phase: ViewPhase;
      progress?: { done: number; total: number };
    }
  /** A rebuild from position 0 finished: how many events it read and how long it took (real ms). */
  | { kind: 'view-rebuilt'; view: string; events: number; ms: number }
  | { kind: 'sent'; message: Message }
  | { kind: 'delivered'; ids: number[]; at: number; to: string }
  /** Step back: these messages are pending again; `withdrawn` ones (replies) are gone. */
  | { kind: 'undelivered'; messages: Message[]; withdrawn: number[] }
  | { kind: 'dropped'; ids: number[] }
  | ClockFrame
  /** The workload generator: how many of its messages it has sent so far. */
  | { kind: 'load'; running: boolean; sent: number; total: number }
  | { kind: 'notice'; text: string }
  | { kind: 'reset' };

export type TraceListener = (frames: TraceFrame[]) => void;

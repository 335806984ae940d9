// The trace: a compact record of what happened, sent from the workers to the screen.
// Every part of the UI renders from it, so the parts never disagree.
import type { StoredEvent } from '../domain/types';

export type RowChange = { key: string; value: unknown };

export type TraceFrame =
  | { kind: 'appended'; events: StoredEvent[]; head: number }
  | { kind: 'view-snapshot'; view: string; rows: RowChange[]; checkpoint: number; head: number }
  | {
      kind: 'view-changed';
      view: string;
      /** `value: null` means the row was deleted. */
      changes: RowChange[];
      checkpoint: number;
      head: number;
    };

export type TraceListener = (frames: TraceFrame[]) => void;

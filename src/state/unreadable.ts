// The stored rows of the log the lab runs on that the code could not read, as the workers report
// them while they read (see eventstore/storedRow.ts): the page names each one to the learner.
import { create } from 'zustand';
import type { TraceFrame } from '../bus/protocol';

export type UnreadableRow = { position: number; streamId: string; reason: string };

/** More than this many are summed up, not listed (a log damaged throughout). */
export const MAX_LISTED = 20;

export const useUnreadable = create<{ rows: readonly UnreadableRow[]; more: boolean }>(() => ({
  rows: [],
  more: false,
}));

/** A row a worker read and could not; each position is kept once, in log order. */
export const noteUnreadable = (row: UnreadableRow): void =>
  useUnreadable.setState((state) => {
    const same = state.rows.find((kept) => kept.position === row.position);
    if (same?.reason === row.reason && same.streamId === row.streamId) return state;
    const rows = [...state.rows.filter((kept) => kept.position !== row.position), row].sort(
      (a, b) => a.position - b.position,
    );
    return { rows: rows.slice(0, MAX_LISTED), more: state.more || rows.length > MAX_LISTED };
  });

/** Another log (a space entered), or a start that reads it afresh: nothing is known of it yet. */
export const clearUnreadable = (): void => useUnreadable.setState({ rows: [], more: false });

/**
 * What the log's rewrites take away: a reset (or a log replaced) all of it, a step back the rows
 * after its new head. Rows still there are reported again as they are read.
 */
export const forgetUnreadable = (frames: readonly TraceFrame[]): void => {
  for (const frame of frames)
    if (frame.kind === 'reset') clearUnreadable();
    else if (frame.kind === 'unappended')
      useUnreadable.setState((state) => ({
        rows: state.rows.filter((row) => row.position <= frame.head),
        // Those not listed come after the last listed one: gone too if the head is before it.
        more: state.more && frame.head > (state.rows.at(-1)?.position ?? 0),
      }));
};

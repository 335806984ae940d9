// Each read view as the screen shows it: rows, checkpoint, phase and the notes of its last
// rebuild, all from the trace. A batch copies each changed view once.
import { create } from 'zustand';
import type { TraceFrame } from '../bus/protocol';
import { applySnapshot, emptyView, type ViewState } from './views';

export const useViews = create<{ views: Record<string, ViewState> }>(() => ({ views: {} }));

export const takeViewFrames = (frames: readonly TraceFrame[]): void => {
  const views = { ...useViews.getState().views };
  const rowsCopied = new Set<string>();
  let touched = false;
  const view = (name: string): ViewState => {
    const current = views[name] ?? emptyView();
    if (!rowsCopied.has(name)) {
      rowsCopied.add(name);
      views[name] = { ...current, rows: { ...current.rows } };
    }
    touched = true;
    return views[name] ?? current;
  };
  for (const frame of frames) {
    switch (frame.kind) {
      case 'unappended':
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
        touched = true;
        break;
      case 'view-changed': {
        const current = view(frame.view);
        for (const { key, value } of frame.changes) {
          const had = key in current.rows;
          if (value === null) Reflect.deleteProperty(current.rows, key);
          else current.rows[key] = value;
          // Sent whole (no count): the count is the rows'.
          if (frame.total === undefined) current.total += (value === null ? 0 : 1) - (had ? 1 : 0);
        }
        if (frame.total !== undefined) current.total = frame.total;
        current.checkpoint = frame.checkpoint;
        current.head = frame.head;
        if (frame.changes.length > 0) current.lastChanged = frame.changes.map((c) => c.key);
        if (frame.reapplied) current.reapplied += frame.reapplied;
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
      case 'reset':
        // A rebuild's note belongs to the log that was just cleared.
        for (const name of Object.keys(views)) {
          const current = view(name);
          current.lastRebuild = undefined;
          current.reapplied = 0;
        }
        break;
      default:
        break;
    }
  }
  if (touched) useViews.setState({ views });
};

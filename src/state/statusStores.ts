// The lab's status as the screen shows it: the bus's clock, the workload's progress, the last
// notice, whether the workers are up, and which parts are down.
import { create } from 'zustand';
import type { ClockFrame, TraceFrame } from '../bus/protocol';

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

/** The workload generator's progress. */
export const useLoad = create<{ running: boolean; sent: number; total: number }>(() => ({
  running: false,
  sent: 0,
  total: 0,
}));

export const useNotice = create<{ text: string | null }>(() => ({ text: null }));

export const showNotice = (text: string | null): void => useNotice.setState({ text });

/** What the learner can do about a failure: restart a worker in place (else the page offers Reload). */
export type Recovery = { label: string; run: () => void };

export type RuntimeStatus =
  | { phase: 'starting' }
  | { phase: 'ready' }
  | { phase: 'failed'; message: string; action?: Recovery };

export const useRuntimeStatus = create<RuntimeStatus>(() => ({ phase: 'starting' }));

export const setRuntimeStatus = (status: RuntimeStatus): void =>
  useRuntimeStatus.setState(status, true);

/** Parts whose worker stopped answering (the page's watchdog found it gone), until restarted. */
export const useDownParts = create<{ down: readonly string[] }>(() => ({ down: [] }));

export const markDown = (part: string, down: boolean): void =>
  useDownParts.setState((state) => ({
    down: down ? [...new Set([...state.down, part])] : state.down.filter((p) => p !== part),
  }));

/** Every part is up again (a fresh start of the workers). */
export const markAllUp = (): void => useDownParts.setState({ down: [] });

/** The trace's clock ticks, workload progress and notices; a reset clears the notice. */
export const takeStatusFrames = (frames: readonly TraceFrame[]): void => {
  for (const frame of frames) {
    switch (frame.kind) {
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
        showNotice(frame.text);
        break;
      case 'reset':
        showNotice(null);
        break;
      default:
        break;
    }
  }
};

/** A new bus has no workload running. */
export const forgetLoad = (): void => useLoad.setState({ running: false, sent: 0, total: 0 });

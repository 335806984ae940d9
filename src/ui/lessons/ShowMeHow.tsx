// `Show me how`: plays a chapter's task on the live lab, one named step at a time, with the page's
// own controls (see demoHand.ts). The learner can pause it between any two acts, and go on.
import { useEffect, useRef, useState } from 'react';
import type { DemoAct, DemoStep, Observation, Seen } from '../../lessons/types';
import { observe } from '../../state/lessons';
import { describeTarget, doOn, targetOf } from './demoHand';

/** How long each act is shown before it is done, so it can be followed by eye. */
const BEAT_MS = 700;
/** How long a step may wait for the lab to show what it did (a slow machine takes longer). */
const WAIT_MS = 30_000;
const POLL_MS = 50;
/** A `press until` that has not seen its sign after this many presses stops, saying so. */
const MAX_PRESSES = 40;

type DemoState =
  | { phase: 'idle' }
  | { phase: 'playing' | 'paused'; step: number }
  | { phase: 'done' }
  | { phase: 'failed'; step: number; message: string };

class Stopped extends Error {}

const MARK = 'demo-target';

/** The newest hand-over the page has seen: it changes when a step delivers a message. */
const lastHandOver = (now: Observation) => now.delivered.at(-1);

const useDemo = (steps: readonly DemoStep[]) => {
  const [state, setState] = useState<DemoState>({ phase: 'idle' });
  const run = useRef({ paused: false, stopped: false });

  useEffect(
    () => () => {
      run.current.stopped = true; // the chapter was left or set up again
    },
    [],
  );

  const play = async () => {
    const current = { paused: false, stopped: false };
    run.current = current;
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    /** Waits while paused; throws once the demonstration is stopped. */
    const gate = async () => {
      while (current.paused && !current.stopped) await sleep(POLL_MS);
      if (current.stopped) throw new Stopped();
    };
    const waitFor = async <T,>(found: () => T | undefined | false, what: string): Promise<T> => {
      for (let waited = 0; ; waited += POLL_MS) {
        if (current.stopped) throw new Stopped();
        const value = found();
        if (value) return value;
        if (waited >= WAIT_MS) throw new Error(`waited ${WAIT_MS / 1000} s for ${what}`);
        await sleep(POLL_MS);
      }
    };
    const act = async (step: DemoAct) => {
      await gate();
      const target = await waitFor(() => targetOf(step), describeTarget(step));
      target.classList.add(MARK);
      target.scrollIntoView({ block: 'nearest' });
      await sleep(BEAT_MS);
      await gate();
      target.classList.remove(MARK);
      doOn(step, targetOf(step) ?? target);
    };
    const pressUntil = async (control: string, until: Seen, first: Observation) => {
      for (let presses = 0; !until(first, observe()); presses += 1) {
        if (presses >= MAX_PRESSES)
          throw new Error(`${control} was pressed ${MAX_PRESSES} times without the sign`);
        const before = lastHandOver(observe());
        await act({ kind: 'press', control });
        // One press hands one message over: wait for it before looking again.
        await waitFor(
          () => lastHandOver(observe()) !== before || until(first, observe()),
          `${control} to hand a message over`,
        );
      }
    };

    let index = 0;
    try {
      for (const [i, step] of steps.entries()) {
        index = i;
        setState({ phase: current.paused ? 'paused' : 'playing', step: i });
        const first = observe();
        for (const each of step.acts)
          if (each.kind === 'press-until') await pressUntil(each.control, each.until, first);
          else await act(each);
        const until = step.until;
        if (until) await waitFor(() => until(first, observe()), `“${step.says}” to show`);
      }
      setState({ phase: 'done' });
    } catch (error) {
      for (const marked of document.querySelectorAll(`.${MARK}`)) marked.classList.remove(MARK);
      if (error instanceof Stopped) {
        if (run.current === current) setState({ phase: 'idle' });
        return;
      }
      setState({
        phase: 'failed',
        step: index,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };

  return {
    state,
    start: () => void play(),
    pause: (paused: boolean) => {
      run.current.paused = paused;
      setState((s) =>
        s.phase === 'playing' || s.phase === 'paused'
          ? { ...s, phase: paused ? 'paused' : 'playing' }
          : s,
      );
    },
    stop: () => {
      run.current.stopped = true;
    },
  };
};

const describe = (state: DemoState, steps: readonly DemoStep[]): string => {
  const of = (step: number) =>
    `step ${String(step + 1)} of ${String(steps.length)}: ${steps[step]?.says ?? ''}`;
  switch (state.phase) {
    case 'idle':
      return '';
    case 'playing':
      return `Showing ${of(state.step)}`;
    case 'paused':
      return `Paused at ${of(state.step)}`;
    case 'done':
      return 'Shown: every step ran on the live lab. Reset chapter to try it yourself.';
    case 'failed':
      return `The demonstration stopped at ${of(state.step)}: ${state.message}.`;
  }
};

/** The chapter's task played for the learner, step by step, on the live lab. */
export const ShowMeHow = ({ steps }: { steps: readonly DemoStep[] }) => {
  const demo = useDemo(steps);
  const { state } = demo;
  const running = state.phase === 'playing' || state.phase === 'paused';
  return (
    <div className="show-me-how" role="group" aria-label="Show me how">
      {!running ? (
        <button type="button" className="secondary" onClick={demo.start}>
          Show me how
        </button>
      ) : (
        <>
          <button type="button" onClick={() => demo.pause(state.phase === 'playing')}>
            {state.phase === 'playing' ? 'Pause the demonstration' : 'Go on with the demonstration'}
          </button>{' '}
          <button type="button" className="secondary" onClick={demo.stop}>
            Stop the demonstration
          </button>
        </>
      )}
      <ol className="demo-steps">
        {steps.map((step, i) => (
          <li
            key={i}
            aria-current={running && state.step === i ? 'step' : undefined}
            className={running && state.step > i ? 'demo-step-done' : undefined}
          >
            {step.says}
          </li>
        ))}
      </ol>
      <p
        role={state.phase === 'failed' ? 'alert' : 'status'}
        aria-label="Demonstration"
        className="muted"
      >
        {describe(state, steps)}
      </p>
    </div>
  );
};

import { useMemo, useState } from 'react';
import { BUS, WRITE_MODEL } from '../../bus/protocol';
import { useClock, useDownParts } from '../../state/stores';
import { useControls, useRuntime } from '../runtimeContext';
import { describeClock, SPEEDS, speedIndex, speedLabel } from './speed';
import { StepAnnouncer } from './StepAnnouncer';
import { useSimulationKeys } from './useSimulationKeys';
import { forgetSession } from '../../state/session';
import { useSettings } from '../../state/settings';
import { noStepBackIn } from '../design/designText';

/** The simulation's controls: always visible, one toolbar. */
export const Toolbar = () => {
  const runtime = useRuntime();
  const controls = useControls();
  const { now, pending, playing, speed, history } = useClock();
  const [confirming, setConfirming] = useState(false);
  const [resetting, setResetting] = useState(false);
  // A bus that stopped answering cannot be driven: its controls wait for Restart workers.
  const busDown = useDownParts((s) => s.down.includes(BUS));
  const writeDown = useDownParts((s) => s.down.includes(WRITE_MODEL));
  const bus = busDown || !runtime ? undefined : controls;
  const design = useSettings((s) => s.design);
  const noStepBack = noStepBackIn(design);

  const actions = useMemo(
    () => ({
      togglePlay: () => void (playing ? bus?.pause() : bus?.play()),
      stepForward: () => void bus?.step(),
      stepBack: () => void (noStepBack ? undefined : bus?.stepBack()),
    }),
    [bus, playing, noStepBack],
  );
  useSimulationKeys(actions);

  return (
    <div role="toolbar" aria-label="Simulation controls" className="toolbar">
      <button
        type="button"
        onClick={actions.togglePlay}
        disabled={!bus}
        aria-keyshortcuts="Space"
        title={playing ? 'Pause: stop the clock (Space)' : 'Play: let the clock run (Space)'}
      >
        {playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        onClick={actions.stepForward}
        disabled={!bus || pending === 0}
        aria-keyshortcuts="ArrowRight"
        title="Deliver the next message, exactly one (→)"
      >
        Step forward
      </button>
      <button
        type="button"
        onClick={actions.stepBack}
        disabled={!bus || history === 0 || noStepBack !== null}
        aria-keyshortcuts="ArrowLeft"
        title={noStepBack ?? 'Take the last delivery back (←)'}
      >
        Step back
      </button>
      <label className="speed">
        <span>Speed</span>
        <input
          type="range"
          aria-label="Speed"
          min={0}
          max={SPEEDS.length - 1}
          step={1}
          value={speedIndex(speed)}
          aria-valuetext={speedLabel(speed)}
          disabled={!bus}
          onChange={(e) => void bus?.setSpeed(SPEEDS[Number(e.target.value)] ?? 1)}
        />
        <span className="value">{speedLabel(speed)}</span>
      </label>
      <p role="status" aria-label="Simulation clock" className="clock">
        {describeClock(now, pending)}
      </p>
      <StepAnnouncer />
      {confirming ? (
        <span role="alertdialog" aria-label="Reset the lab?" className="confirm">
          {design === 'event-sourced'
            ? 'Clear the event log and every view?'
            : design === 'one-model'
              ? 'Clear this design’s stored state?'
              : 'Clear this design’s stored state and every view?'}{' '}
          <button
            type="button"
            onClick={() => {
              setConfirming(false);
              forgetSession();
              // Until the bus has emptied its queue, a command sent now would be dropped with it.
              setResetting(true);
              void bus?.reset().finally(() => setResetting(false));
            }}
          >
            Yes, reset
          </button>{' '}
          <button
            type="button"
            className="secondary"
            onClick={() => setConfirming(false)}
            autoFocus
          >
            Cancel
          </button>
        </span>
      ) : (
        <button
          type="button"
          className="secondary"
          onClick={() => setConfirming(true)}
          disabled={!bus || writeDown || resetting}
          aria-busy={resetting}
          title={
            writeDown
              ? 'Restart the write model first: it is the one that clears the log'
              : undefined
          }
        >
          Reset
        </button>
      )}
    </div>
  );
};

import { useId } from 'react';
import type { ViewName } from '../../domain/views';
import { noteDelay, useDelays } from '../../state/session';
import { defaultDelayOf } from '../../bus/defaults';
import { BUS } from '../../bus/protocol';
import { useDownParts, useViews } from '../../state/stores';
import { useSettings } from '../../state/settings';
import { RECOMPUTE_NOTE, viewsLag, type DesignId } from '../design/designText';
import { useControls, useRuntime } from '../runtimeContext';

const MAX_DELAY_MS = 5_000;

/** Faults and knobs for one view: pause it, kill its worker, rebuild it, slow its mail down. */
export const ViewControls = ({ name }: { name: ViewName }) => {
  // Every one of these goes through the bus: while it is down they wait for Restart workers.
  const busDown = useDownParts((s) => s.down.includes(BUS));
  const live = useRuntime();
  const controls = useControls();
  const runtime = busDown ? undefined : live;
  const phase = useViews((s) => s.views[name]?.phase ?? 'starting');
  const delay = useDelays((s) => s.delays[name] ?? 0);
  const defaultDelay = defaultDelayOf(name);
  const delayId = useId();
  const busy = !runtime || phase === 'starting' || phase === 'rebuilding';
  const stopped = phase === 'stopped';
  const design = useSettings((s) => s.design);
  const fedByMessages = viewsLag(design);
  const noteId = useId();
  const note = cannotIn(design, name);

  return (
    <div className="view-controls">
      {phase === 'paused' ? (
        <button
          type="button"
          className="small"
          disabled={!runtime}
          onClick={() => void controls.resumeView(name)}
        >
          Resume {name}
        </button>
      ) : (
        <button
          type="button"
          className="small"
          disabled={busy || stopped || !fedByMessages}
          aria-describedby={fedByMessages ? undefined : noteId}
          onClick={() => void controls.pauseView(name)}
        >
          Pause {name}
        </button>
      )}
      {stopped ? (
        <button
          type="button"
          className="small"
          disabled={!runtime}
          onClick={() => void runtime?.restart(name)}
        >
          Restart {name}
        </button>
      ) : (
        <button
          type="button"
          className="small"
          // Always there, even mid-rebuild: killing is the way out of a start that will not end.
          disabled={!runtime}
          onClick={() => void runtime?.kill(name)}
        >
          Kill {name}
        </button>
      )}
      <button
        type="button"
        className="small"
        disabled={busy || stopped || design !== 'event-sourced'}
        aria-describedby={note ? noteId : undefined}
        onClick={() => void controls.rebuildView(name)}
      >
        Rebuild {name}
      </button>
      <label className="delay" htmlFor={delayId}>
        Delay
        <input
          id={delayId}
          type="range"
          aria-label={`${name} delay`}
          min={0}
          max={MAX_DELAY_MS}
          step={10}
          value={delay}
          aria-valuetext={`${delay} ms`}
          disabled={!runtime}
          onChange={(e) => {
            const ms = Number(e.target.value);
            noteDelay(name, ms);
            void controls.setDelay(name, ms);
          }}
        />
        <span className="value">{delay} ms</span>
      </label>
      <button
        type="button"
        className="small"
        aria-label={`Set ${name} delay to default`}
        title={`Put the ${name} delay back to its default`}
        disabled={!runtime || delay === defaultDelay}
        onClick={() =>
          void controls.resetDelay(name).then((ms) => {
            if (ms !== undefined) noteDelay(name, ms);
          })
        }
      >
        Default
      </button>
      {note && (
        <p id={noteId} className="explain view-controls-note">
          {note}
        </p>
      )}
    </div>
  );
};

/** What a view's controls cannot do in `design`, and why (null: they all work). */
const cannotIn = (design: DesignId, name: ViewName): string | null => {
  if (design === 'event-sourced') return null;
  if (design === 'after-commit')
    return `No Rebuild in the lab here: the outbox keeps an event only until every view has applied it, so there is no history to replay ${name} from. (${RECOMPUTE_NOTE})`;
  return design === 'one-model'
    ? `No Pause or Rebuild here: ${name} is a query on the one model, answered from its tables when asked. No events reach it.`
    : `No Pause or Rebuild here: the rows of ${name} are written in each command’s own transaction. No events reach it, and none are kept to replay. (${RECOMPUTE_NOTE})`;
};

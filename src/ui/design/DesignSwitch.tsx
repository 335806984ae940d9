// The Design switch: the same forms and views, run on one of four write/read designs. Each design
// keeps its own stores, so switching loses nothing; the workers start again in the chosen one.
import { useId, useState } from 'react';
import { parseHash } from '../../lessons/route';
import { DESIGN_IDS } from '../../runtime/designs';
import { rememberDesign, useSettings } from '../../state/settings';
import { showNotice } from '../../state/stores';
import { useForks } from '../../state/forks';
import { useHash } from '../lessons/useHash';
import { useRuntime } from '../runtimeContext';
import { DESIGN_NAMES, DESIGN_STEPS, DESIGN_SUMMARY, type DesignId } from './designText';

export const DesignSwitch = () => {
  const runtime = useRuntime();
  const { design, switchingTo } = useSettings();
  const route = parseHash(useHash()).kind;
  const inChapter = route === 'chapter' || route === 'share';
  // A fork is a copy of an event log: it runs event sourcing, whatever Main runs.
  const inFork = useForks((s) => s.choice !== 'main') && !inChapter;
  const id = useId();
  // The learner's last choice shows at once; the switches run one after another (arrow keys
  // move through the radios, each a choice), and the radios stay enabled so focus stays put.
  const [wanted, setWanted] = useState<DesignId | null>(null);
  const shown = wanted ?? switchingTo ?? design;

  const choose = (next: DesignId) => {
    if (!runtime) return;
    setWanted(next);
    rememberDesign(next);
    void runtime
      .switchDesign(next)
      .finally(() => setWanted((current) => (current === next ? null : current)))
      .catch((error: unknown) => {
        showNotice(
          `The lab could not switch to “${DESIGN_NAMES[next]}”: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
  };

  return (
    <div className="design-switch">
      <div role="radiogroup" aria-labelledby={`${id}-label`} className="design-options">
        <span id={`${id}-label`} className="design-label">
          Design
        </span>
        {DESIGN_IDS.map((option) => (
          <label key={option} className={option === shown ? 'chosen' : undefined}>
            <input
              type="radio"
              name={`${id}-design`}
              value={option}
              checked={option === shown}
              disabled={!runtime || inChapter || inFork}
              onChange={() => choose(option)}
            />
            {DESIGN_NAMES[option]}
          </label>
        ))}
      </div>
      <p className="explain" aria-live="polite">
        {switchingTo
          ? `Starting the workers in “${DESIGN_NAMES[switchingTo]}”…`
          : inChapter
            ? `Chapters run on “${DESIGN_NAMES['event-sourced']}”. Go back to the sandbox to try another design.`
            : inFork
              ? `A fork is an event log, so it runs on “${DESIGN_NAMES['event-sourced']}”, the only design here that keeps its events as the record. Go back to Main to try another design.`
              : `${DESIGN_SUMMARY[design]} Each design keeps its own stores: switching loses nothing.`}
      </p>
      <ol className="pipeline" aria-label="How a command travels">
        {DESIGN_STEPS[design].map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
    </div>
  );
};

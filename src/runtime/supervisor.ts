// The page's supervisor: it starts the workers, and when the bus dies it starts them all again in
// place, behind the same Runtime object. Nothing on screen sees a new runtime (so an open chapter
// is not set up again over the log), and a form's Retry of a command whose fate is unknown goes to
// the workers running now.
import { DESIGN_NAMES, type DesignId } from '../statemodel/designs';
import { showDesign } from '../state/settings';
import { applyTraceFrames, forgetMessages, setRuntimeStatus, showNotice } from '../state/stores';
import { controlsOf, invoke } from './controls';
import { startRuntime, type Runtime, type RuntimeOptions } from './runtime';

/** Empties the log, the views and the messages on screen, as a reset does. */
const clearScreen = () => applyTraceFrames([{ kind: 'reset' }]);

export const startSupervised = async (options: RuntimeOptions = {}): Promise<Runtime> => {
  let restarting: Promise<void> | null = null;
  /** The design chosen last: a restart after a crash starts it again. */
  let design = options.design ?? 'event-sourced';
  const restart = (): Promise<void> =>
    (restarting ??= (async () => {
      inner.shutdown();
      forgetMessages();
      const switching = design !== inner.design();
      if (switching) {
        clearScreen(); // another design: its own stores, shown anew
        showDesign(inner.design(), design);
      }
      setRuntimeStatus({ phase: 'starting' });
      try {
        inner = await startRuntime({ ...options, design, restart: restartNow, resumed: true });
        showDesign(design);
      } catch (error) {
        setRuntimeStatus({
          phase: 'failed',
          message: `The workers could not be started again: ${error instanceof Error ? error.message : String(error)}`,
          action: { label: 'Restart workers', run: restartNow },
        });
      } finally {
        restarting = null;
      }
    })());
  /** A restart the page asks for (a button, the bus's watchdog): nobody waits on it. */
  const restartNow = () => void restart();
  let inner = await startRuntime({ ...options, design, restart: restartNow });
  showDesign(design);
  /**
   * Runs the workers in `next`: restarts them, after any restart under way, until they run the
   * design chosen last (a later choice made meanwhile wins). False if they could not.
   */
  const runIn = async (next: DesignId): Promise<boolean> => {
    design = next;
    for (let tries = 0; tries < 3 && inner.design() !== design; tries += 1)
      await (restarting ?? restart());
    return inner.design() === design || design !== next;
  };
  /** Chapters are written for the event-sourced design: one opened in another switches to it. */
  const eventSourced = async () => {
    if (design === 'event-sourced' && inner.design() === design) return;
    if (!(await runIn('event-sourced')))
      throw new Error('The workers could not start in the event-sourced design');
    showNotice(`Chapters run on the design “${DESIGN_NAMES[design]}”: the lab switched to it.`);
  };
  /**
   * Calls the runtime running now, at once (a scenario's order of calls is its meaning), or once
   * a restart under way has finished.
   */
  const via = <T>(use: (runtime: Runtime) => Promise<T>): Promise<T> =>
    restarting ? restarting.then(() => use(inner)) : use(inner);

  return {
    dispatch: (...args) => via((r) => r.dispatch(...args)),
    query: (...args) => via((r) => r.query(...args)),
    // A control waits for a restart under way, then goes to the bus running now.
    controls: controlsOf((name, args) => via((r) => invoke(r.controls, name, args))),
    kill: (view) => via((r) => r.kill(view)),
    restart: (view) => via((r) => r.restart(view)),
    writeSide: {
      readAccount: (id) => via((r) => r.writeSide.readAccount(id)),
      readInline: (key) => via((r) => r.writeSide.readInline(key)),
      setInlineView: (view) => via((r) => r.writeSide.setInlineView(view)),
    },
    exportLog: () => via((r) => r.exportLog()),
    checkImport: (...args) => via((r) => r.checkImport(...args)),
    importLog: (...args) => via((r) => r.importLog(...args)),
    loadScenario: async (...args) => {
      await eventSourced();
      return via((r) => r.loadScenario(...args));
    },
    travelTo: (...args) => via((r) => r.travelTo(...args)),
    downParts: () => inner.downParts(),
    shutdown: () => inner.shutdown(),
    crash: (part) => via((r) => r.crash(part)),
    design: () => design,
    switchDesign: async (next) => {
      if (!(await runIn(next))) throw new Error('The workers could not start in that design');
    },
  };
};

// The page's supervisor: it starts the workers, and when the bus dies it starts them all again in
// place, behind the same Runtime object. Nothing on screen sees a new runtime (so an open chapter
// is not set up again over the log), and a form's Retry of a command whose fate is unknown goes to
// the workers running now. It also moves the workers between the sandbox's stores and the lessons'
// (`enter`): a chapter runs on its own, and the sandbox is found again as it was left.
import { DESIGN_NAMES, type DesignId } from '../statemodel/designs';
import type { Space } from '../eventstore/space';
import { showDesign } from '../state/settings';
import { applyTraceFrames, forgetMessages, setRuntimeStatus, showNotice } from '../state/stores';
import { controlsOf, invoke } from './controls';
import { startRuntime, type Runtime, type RuntimeOptions } from './runtime';

/** Empties the log, the views and the messages on screen, as a reset does. */
const clearScreen = () => applyTraceFrames([{ kind: 'reset' }]);

export const startSupervised = async (options: RuntimeOptions = {}): Promise<Runtime> => {
  let restarting: Promise<void> | null = null;
  /** Where the workers should run, chosen last: a restart after a crash starts them there again. */
  let space: Space = options.space ?? 'sandbox';
  /** The design chosen last in the sandbox (the lessons and the forks always run event sourcing). */
  let sandboxDesign: DesignId = options.design ?? 'event-sourced';
  const designIn = (where: Space): DesignId =>
    where === 'sandbox' ? sandboxDesign : 'event-sourced';
  let design = designIn(space);
  const restart = (): Promise<void> =>
    (restarting ??= (async () => {
      inner.shutdown();
      forgetMessages();
      if (design !== inner.design() || space !== inner.space()) {
        clearScreen(); // other stores, shown anew
        showDesign(inner.design(), design === inner.design() ? null : design);
      }
      setRuntimeStatus({ phase: 'starting' });
      try {
        inner = await startRuntime({
          ...options,
          design,
          space,
          restart: restartNow,
          resumed: true,
        });
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
  let inner = await startRuntime({ ...options, design, space, restart: restartNow });
  showDesign(design);
  /** The workers run where and as chosen last (while a restart is under way, `inner` is the old). */
  const arrived = () => !restarting && inner.design() === design && inner.space() === space;
  /** Resolves once no restart is under way: one may start another as it ends. */
  const settled = async () => {
    while (restarting) await restarting;
  };
  /**
   * Runs the workers in `next` on `where`'s stores: restarts them, after any restart under way,
   * until they run where and as chosen last (a later choice made meanwhile wins). False if they
   * could not.
   */
  const runIn = async (next: DesignId, where: Space = space): Promise<boolean> => {
    design = next;
    space = where;
    if (where === 'sandbox') sandboxDesign = next;
    for (let tries = 0; tries < 3 && !arrived(); tries += 1) await (restarting ?? restart());
    return arrived() || design !== next || space !== where;
  };
  /** Scenarios are written for the event-sourced design: a share link opened in another switches. */
  const eventSourced = async () => {
    if (design === 'event-sourced' && inner.design() === design) return;
    if (!(await runIn('event-sourced')))
      throw new Error('The workers could not start in the event-sourced design');
    showNotice(
      `Shared sessions run on the design “${DESIGN_NAMES[design]}”: the lab switched to it.`,
    );
  };
  /**
   * Calls the runtime running now, at once (a scenario's order of calls is its meaning), or once
   * a restart under way has finished.
   */
  const via = <T>(use: (runtime: Runtime) => Promise<T>): Promise<T> =>
    restarting ? settled().then(() => use(inner)) : use(inner);

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
    readLog: {
      window: (query) => via((r) => r.readLog.window(query)),
      streams: () => via((r) => r.readLog.streams()),
      at: (position) => via((r) => r.readLog.at(position)),
      page: (from, limit) => via((r) => r.readLog.page(from, limit)),
    },
    exportLog: () => via((r) => r.exportLog()),
    checkImport: (...args) => via((r) => r.checkImport(...args)),
    importLog: (...args) => via((r) => r.importLog(...args)),
    removeUnreadable: (position) => via((r) => r.removeUnreadable(position)),
    loadScenario: async (scenario, wanted = () => true) => {
      const where = space;
      await eventSourced();
      // Set up only where it was asked for: not in the sandbox after the learner left a chapter.
      return via((r) =>
        r.loadScenario(scenario, () => wanted() && r === inner && r.space() === where),
      );
    },
    travelTo: (...args) => via((r) => r.travelTo(...args)),
    travelIn: (...args) => via((r) => r.travelIn(...args)),
    forkLog: (...args) => via((r) => r.forkLog(...args)),
    deleteLog: (...args) => via((r) => r.deleteLog(...args)),
    downParts: () => inner.downParts(),
    shutdown: () => inner.shutdown(),
    crash: (part) => via((r) => r.crash(part)),
    design: () => design,
    space: () => space,
    switchDesign: async (next) => {
      if (!(await runIn(next))) throw new Error('The workers could not start in that design');
    },
    enter: async (where) => {
      if (!(await runIn(designIn(where), where)))
        throw new Error(
          where === 'lesson'
            ? 'The workers could not start on the lessons’ stores'
            : where === 'sandbox'
              ? 'The workers could not start on the sandbox’s stores'
              : 'The workers could not start on the fork’s stores',
        );
    },
  };
};

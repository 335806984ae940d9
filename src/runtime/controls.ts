// What the learner does to the running lab: the UI calls these, never the bus worker itself.
// Each goes to the bus of the runtime running now, is timed (see remote()), and fails with a
// reason a learner can read, at once if the bus is known to be down.
import type { BusWorkerApi } from '../workers/busWorkerApi';
import { timedByProgress, type Calls } from '../bus/remote';

export const CONTROL_NAMES = [
  'play',
  'pause',
  'step',
  'stepBack',
  'setSpeed',
  'reset',
  'settle',
  'pauseView',
  'resumeView',
  'rebuildView',
  'setDelay',
  'resetDelay',
  'setDuplicateCheck',
  'drop',
  'duplicate',
  'delayMessage',
  'startLoad',
  'stopLoad',
] as const satisfies readonly (keyof BusWorkerApi)[];

export type ControlName = (typeof CONTROL_NAMES)[number];

/** The bus's controls, as the page calls them. */
export type Controls = Pick<Calls<BusWorkerApi>, ControlName>;

export const BUS_NOT_RUNNING =
  'The bus is not running, so nothing can be sent: press Restart workers first.';

/** One way of making every control's call (so every control is made alike). */
type Call = (name: ControlName, args: unknown[]) => Promise<unknown>;

/** Controls for a button or a key: one that fails resolves with undefined, having said why. */
export type ButtonControls = {
  [K in ControlName]: (
    ...args: Parameters<Controls[K]>
  ) => Promise<Awaited<ReturnType<Controls[K]>> | undefined>;
};

/** Every control, each calling `call` with its name and arguments. */
const build = (call: Call): unknown =>
  Object.fromEntries(CONTROL_NAMES.map((name) => [name, (...args: unknown[]) => call(name, args)]));

/** Controls whose calls all go through `call`: one cast here instead of one per control. */
export const controlsOf = (call: Call) => build(call) as Controls;

/** Button controls whose calls all go through `call` (which must not reject). */
export const buttonControlsOf = (call: Call) => build(call) as ButtonControls;

/** Calls control `name` of `controls` (or of a bus) with `args`. */
export const invoke = (controls: Controls, name: ControlName, args: unknown[]) =>
  Reflect.apply(controls[name], controls, args) as Promise<unknown>;

/** The controls of one bus: refused at once while `isUp()` says it is down. */
export const createControls = (bus: Calls<BusWorkerApi>, isUp: () => boolean): Controls =>
  // A rebuild of a long log takes as long as it takes: it is timed from its latest progress.
  controlsOf((name, args) =>
    isUp()
      ? invoke(bus, name, name === 'rebuildView' ? [args[0], timedByProgress] : args)
      : Promise.reject(new Error(BUS_NOT_RUNNING)),
  );

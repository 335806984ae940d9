import { createContext, useContext, useMemo } from 'react';
import { buttonControlsOf, invoke, type ButtonControls } from '../runtime/controls';
import type { Runtime } from '../runtime/runtime';
import { showNotice } from '../state/stores';

/** The running workers, once they have started; undefined until then. */
export const RuntimeContext = createContext<Runtime | undefined>(undefined);

export const useRuntime = (): Runtime | undefined => useContext(RuntimeContext);

/** Says on screen why a control failed (a button has nowhere else to show it). */
const tell = (error: unknown) => {
  showNotice(error instanceof Error ? error.message : String(error));
  return undefined;
};

/**
 * The lab's controls for a button or a key: each one that fails says why on screen, and before
 * the workers have started each does nothing. Call them with `void`.
 */
export const useControls = (): ButtonControls => {
  const runtime = useRuntime();
  return useMemo(
    () =>
      buttonControlsOf((name, args) =>
        runtime ? invoke(runtime.controls, name, args).catch(tell) : Promise.resolve(undefined),
      ),
    [runtime],
  );
};

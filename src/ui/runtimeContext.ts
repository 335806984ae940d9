import { createContext, useContext } from 'react';
import type { Runtime } from '../runtime/runtime';

/** The running workers, once they have started; undefined until then. */
export const RuntimeContext = createContext<Runtime | undefined>(undefined);

export const useRuntime = (): Runtime | undefined => useContext(RuntimeContext);

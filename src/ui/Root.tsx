import { StrictMode } from 'react';
import type { Runtime } from '../runtime/runtime';
import { App } from './App';
import { RuntimeContext } from './runtimeContext';

/** The whole page: the same tree at build time (the first paint) and in the browser. */
export const Root = ({ runtime }: { runtime: Runtime | undefined }) => (
  <StrictMode>
    <RuntimeContext.Provider value={runtime}>
      <App />
    </RuntimeContext.Provider>
  </StrictMode>
);

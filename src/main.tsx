import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Runtime } from './runtime/runtime';
import { startSupervised } from './runtime/supervisor';
import { parseHash } from './lessons/route';
import { rememberedDesign } from './state/settings';
import { setRuntimeStatus } from './state/stores';
import { App } from './ui/App';
import { RuntimeContext } from './ui/runtimeContext';
import './ui/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

const render = (runtime: Runtime | undefined) =>
  root.render(
    <StrictMode>
      <RuntimeContext.Provider value={runtime}>
        <App />
      </RuntimeContext.Provider>
    </StrictMode>,
  );

render(undefined);
// A chapter's link starts the workers on the lessons' stores at once (no sandbox start first).
const space = parseHash(location.hash).kind === 'chapter' ? 'lesson' : 'sandbox';
startSupervised({ design: rememberedDesign(), space }).then(render, (error: unknown) =>
  setRuntimeStatus({
    phase: 'failed',
    message: `The app could not start its workers: ${error instanceof Error ? error.message : String(error)}`,
  }),
);

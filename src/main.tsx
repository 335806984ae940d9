import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startRuntime, type Runtime } from './runtime/runtime';
import { forgetMessages, setRuntimeStatus } from './state/stores';
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

// The supervisor: starts the workers, and starts them all again in place when the bus dies, so
// what is on screen (a command's unknown fate and its Retry among it) survives the restart.
let running: Runtime | undefined;
const start = (resumed: boolean) =>
  startRuntime({ restart: () => void restart(), resumed }).then(
    (runtime) => {
      running = runtime;
      render(runtime);
    },
    (error: unknown) =>
      setRuntimeStatus({
        phase: 'failed',
        message: `The app could not start its workers: ${error instanceof Error ? error.message : String(error)}`,
        action: { label: 'Restart workers', run: () => void restart() },
      }),
  );
const restart = async () => {
  running?.shutdown();
  running = undefined;
  setRuntimeStatus({ phase: 'starting' });
  render(undefined);
  forgetMessages();
  await start(true);
};

render(undefined);
void start(false);

import { createRoot, hydrateRoot, type Root as ReactRoot } from 'react-dom/client';
import type { Runtime } from './runtime/runtime';
import { startSupervised } from './runtime/supervisor';
import { keepOffline } from './offline';
import { parseHash } from './lessons/route';
import { rememberedDesign } from './state/settings';
import { spaceOfChoice, useForks } from './state/forks';
import { setRuntimeStatus } from './state/stores';
import { Root } from './ui/Root';
import './ui/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// The build drew the first render into the page (src/prerender.tsx): take those elements over. What
// this browser knows that the build could not (the chapter in the address, a remembered design,
// progress) differs from it; React then draws the page afresh, as it would have without it.
const prerendered = container.firstChild !== null;
const root: ReactRoot = prerendered
  ? hydrateRoot(container, <Root runtime={undefined} />, { onRecoverableError: () => undefined })
  : createRoot(container);

const render = (runtime: Runtime | undefined) => root.render(<Root runtime={runtime} />);

if (!prerendered) render(undefined);
// A chapter's link starts the workers on the lessons' stores at once (no sandbox start first);
// otherwise they start on the log chosen last, Main's or a fork's.
const space =
  parseHash(location.hash).kind === 'chapter'
    ? 'lesson'
    : spaceOfChoice(useForks.getState().choice);
startSupervised({ design: rememberedDesign(), space })
  .then(render, (error: unknown) =>
    setRuntimeStatus({
      phase: 'failed',
      message: `The app could not start its workers: ${error instanceof Error ? error.message : String(error)}`,
    }),
  )
  // Offline use is set up once the lab is running (or has said why it cannot).
  .finally(() => void keepOffline());

// The page as its first render draws it, before any script has run: built into index.html at build
// time, so the header, the introduction and the course map paint without waiting for React, the
// workers or IndexedDB. The script then takes the same elements over (hydration) rather than
// drawing them again, so what was painted first stays on the page.
import { renderToString } from 'react-dom/server';
import { Root } from './ui/Root';

export const firstPaint = (): string => renderToString(<Root runtime={undefined} />);

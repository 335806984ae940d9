// The URL's hash, as a React value: it names the open chapter or a shared session.
import { useSyncExternalStore } from 'react';
import { parseHash } from '../../lessons/route';

const subscribeToHash = (changed: () => void) => {
  window.addEventListener('hashchange', changed);
  return () => window.removeEventListener('hashchange', changed);
};

// Rendered ahead of time (the first paint, at build time) there is no address: the course map.
export const useHash = () =>
  useSyncExternalStore(
    subscribeToHash,
    () => location.hash,
    () => '',
  );

/** Whether a chapter is open (it runs on the lessons' own log, not the sandbox's). */
export const useInChapter = (): boolean => parseHash(useHash()).kind === 'chapter';

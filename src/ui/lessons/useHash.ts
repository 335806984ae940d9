// The URL's hash, as a React value: it names the open chapter or a shared session.
import { useSyncExternalStore } from 'react';

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

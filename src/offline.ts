// The service worker that keeps the lab working offline (vite.config.ts, `offline`). It is
// registered once the lab has started, so it never competes with the first paint or the workers'
// start; it then fetches and stores every file of this version. When a newer version has been
// deployed, it waits until the learner chooses `Reload to update`: until then every file, including
// a chapter loaded later, comes from the version this page started with.
import { offerUpdate } from './state/update';

export const keepOffline = async (): Promise<void> => {
  if (!('serviceWorker' in navigator)) return;
  const { registerSW } = await import('virtual:pwa-register');
  const update = registerSW({
    immediate: true,
    onNeedRefresh: () => offerUpdate(() => update(true)),
    // Without it the lab works as before, online only (a private window may refuse it).
    onRegisterError: () => undefined,
  });
};

// Whether a newer version of the lab has been deployed and is waiting: the service worker
// (src/offline.ts) says so, and `Reload to update` (ui/UpdateNotice.tsx) lets it take over.
import { create } from 'zustand';

type UpdateState = {
  /** Switches to the waiting version and reloads the page; undefined while none is waiting. */
  apply: (() => Promise<void>) | undefined;
};

export const useUpdate = create<UpdateState>(() => ({ apply: undefined }));

export const offerUpdate = (apply: () => Promise<void>): void => useUpdate.setState({ apply });

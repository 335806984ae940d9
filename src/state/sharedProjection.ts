// A projection a share link carried (issue 21): offered in Your projection, where the learner
// chooses to use it or keep their own. Nothing replaces their code without that choice.
import { create } from 'zustand';

export const useSharedProjection = create<{ code: string | null }>(() => ({ code: null }));

export const offerSharedProjection = (code: string): void => useSharedProjection.setState({ code });

export const settleSharedProjection = (): void => useSharedProjection.setState({ code: null });

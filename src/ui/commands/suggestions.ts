// Pickers are fed by the read side, as in any CQRS app: a product added a moment ago appears here
// once its view has caught up.
import { useShallow } from 'zustand/react/shallow';
import type { ViewName } from '../../domain/views';
import { useViews } from '../../state/stores';

export const useViewKeys = (view: ViewName | undefined): string[] | undefined =>
  useViews(useShallow((s) => (view ? Object.keys(s.views[view]?.rows ?? {}).sort() : undefined)));

/** A short id for something the app names on the learner's behalf (an order, a transfer). */
export const newId = (prefix: string): string =>
  `${prefix}-${crypto.randomUUID().replace(/-/g, '').slice(0, 6).toUpperCase()}`;

// Pickers are fed by the read side, as in any CQRS app: a product added a moment ago appears here
// once its view has caught up.
import { useMemo } from 'react';
import type { ViewName } from '../../domain/views';
import { useViews } from '../../state/stores';
import { usePaced } from '../paced';

const MAX_SUGGESTIONS = 50;

/** The newest keys of a view (at most 50: a picker, not a listing, and cheap under load). */
export const useViewKeys = (view: ViewName | undefined): string[] | undefined => {
  const rows = usePaced(useViews, (s) => (view ? s.views[view]?.rows : undefined));
  return useMemo(
    () =>
      view
        ? Object.keys(rows ?? {})
            .slice(-MAX_SUGGESTIONS)
            .sort()
        : undefined,
    [view, rows],
  );
};

/** A short id for something the app names on the learner's behalf (an order, a transfer). */
export const newId = (prefix: string): string =>
  `${prefix}-${crypto.randomUUID().replace(/-/g, '').slice(0, 6).toUpperCase()}`;

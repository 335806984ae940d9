// Pickers are fed by the read side, as in any CQRS app: a product added a moment ago appears here
// once its view has caught up.
import { useMemo } from 'react';
import { SCREENS } from '../../domain/screens';
import type { ViewName } from '../../domain/views';
import { useViews } from '../../state/stores';
import { usePaced } from '../paced';

const MAX_SUGGESTIONS = 50;

/**
 * The first keys of a view's rows in its panel's order (Order status: the newest orders), sorted
 * for the picker. The page holds only the panel's rows (domain/screens.ts): these are among them.
 */
export const firstKeys = (
  view: ViewName,
  rows: Readonly<Record<string, unknown>>,
  max = MAX_SUGGESTIONS,
): string[] => {
  const { order } = SCREENS[view];
  return Object.entries(rows)
    .sort(([, a], [, b]) => order(a, b))
    .slice(0, max)
    .map(([key]) => key)
    .sort();
};

/** The keys a picker offers for a view (at most 50: a picker, not a listing, and cheap under load). */
export const useViewKeys = (view: ViewName | undefined): string[] | undefined => {
  const rows = usePaced(useViews, (s) => (view ? s.views[view]?.rows : undefined));
  return useMemo(() => (view ? firstKeys(view, rows ?? {}) : undefined), [view, rows]);
};

/** A short id for something the app names on the learner's behalf (an order, a transfer). */
export const newId = (prefix: string): string =>
  `${prefix}-${crypto.randomUUID().replace(/-/g, '').slice(0, 6).toUpperCase()}`;

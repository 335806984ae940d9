// Every read view the app can run, by the name the learner sees.
import type { Projection } from './projection';
import { orderStatusProjection } from './shop/orderStatus.projection';

export const VIEW_NAMES = ['Order status'] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

// Rows of different views have different shapes; hosts treat them as opaque values.
export const projections: Record<ViewName, Projection<unknown, never>> = {
  'Order status': orderStatusProjection as unknown as Projection<unknown, never>,
};

export const isViewName = (name: string): name is ViewName =>
  (VIEW_NAMES as readonly string[]).includes(name);

// Chapter 13's bench, as the chapter names it: its controls, and what each act reports to the
// chapter's check.
import type { SalesView } from '../projection/versioning';

export const VERSIONING_LABELS = {
  ship: 'Ship OrderPlaced revision 2',
  place: 'Place an order in euros',
  buildPlain: 'Build Sales by currency without the upcaster',
  buildUpcast: 'Build Sales by currency with the upcaster',
  compare: 'Event to compare',
} as const;

/**
 * What a build of Sales by currency showed: stopped at an event its code could not read, caught up
 * across both revisions (through the upcaster), or caught up over one revision only.
 */
export const buildActivity = (view: SalesView, revisions: ReadonlySet<number>): string =>
  view.stopped
    ? 'upcast:stopped'
    : view.position === view.head && revisions.has(1) && revisions.has(2)
      ? 'upcast:built'
      : 'upcast:built-one';

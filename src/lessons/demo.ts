// The pieces chapters build their demonstrations from (`Show me how`): each step names what it
// does, does it with the page's own controls, and waits until the live lab shows it happened.
import type { ViewName } from '../domain/views';
import { answersFrom, caughtUp, newEvents } from './checks';
import type { DemoAct, DemoStep, Seen } from './types';

export const fill = (form: string, field: string, value: string): DemoAct => ({
  kind: 'fill',
  form,
  field,
  value,
});

export const press = (control: string, within?: string): DemoAct => ({
  kind: 'press',
  control,
  ...(within === undefined ? {} : { within }),
});

export const pressRow = (table: string, cells: readonly string[]): DemoAct => ({
  kind: 'press-row',
  table,
  cells,
});

export const pressUntil = (control: string, until: Seen): DemoAct => ({
  kind: 'press-until',
  control,
  until,
});

/** An event of `type` was appended since the demonstration started. */
export const appended =
  (type: string): Seen =>
  (first, now) =>
    newEvents(first, now, type).length > 0;

/** `view` answered a question since the demonstration started. */
export const answered =
  (view: ViewName): Seen =>
  (first, now) =>
    answersFrom(first, now, view).length > 0;

/** `view` is running and has applied the whole log. */
export const isCaughtUp =
  (view: ViewName): Seen =>
  (_, now) =>
    caughtUp(now, view);

/** `view` is in `phase` now. */
export const viewIs =
  (view: ViewName, phase: string): Seen =>
  (_, now) =>
    now.views[view]?.phase === phase;

/** A chapter's workbench reported something starting with `prefix` once more. */
export const reportedAgain =
  (prefix: string): Seen =>
  (first, now) =>
    now.activity.filter((a) => a.startsWith(prefix)).length >
    first.activity.filter((a) => a.startsWith(prefix)).length;

/** Both seen. */
export const both =
  (a: Seen, b: Seen): Seen =>
  (first, now) =>
    a(first, now) && b(first, now);

/** Places an order with the Place order form, and waits until every view has it. */
export const placeOrder = (sku: string, quantity: number, waitFor: ViewName): DemoStep => ({
  says: `Place an order for ${String(quantity)} × ${sku}`,
  acts: [
    fill('Place order', 'SKU', sku),
    fill('Place order', 'Quantity', String(quantity)),
    press('Place order'),
  ],
  until: both(appended('OrderPlaced'), isCaughtUp(waitFor)),
});

/** Asks `view` about `key` with its query box; waits for the answer unless told not to. */
export const ask = (view: ViewName, label: string, key: string, wait = true): DemoStep => ({
  says: `Ask ${view} about ${key}`,
  acts: [fill(`Query ${view}`, label, key), press(`Ask ${view}`)],
  ...(wait ? { until: answered(view) } : {}),
});

// The demonstration's hand: it uses the page as a learner would, finding forms, fields and buttons
// by their accessible names, typing into fields and pressing buttons. It never calls the workers
// itself, so what `Show me how` shows is what the learner's own clicks would do.
import type { DemoAct } from '../../lessons/types';
import { nameOf, regionName } from './accessibleName';

const CONTROLS = 'button, input, select, tr[tabindex]';
const REGIONS = 'form, section, [role="group"], [role="form"], table';

const shown = (element: Element) => (element as HTMLElement).offsetParent !== null;

const regionNamed = (name: string): Element | undefined =>
  [...document.querySelectorAll(REGIONS)].find((r) => shown(r) && regionName(r) === name);

const controlNamed = (name: string, within: ParentNode = document): HTMLElement | undefined =>
  [...within.querySelectorAll<HTMLElement>(CONTROLS)].find(
    (control) => shown(control) && nameOf(control) === name,
  );

const usable = (control: HTMLElement) =>
  !(control instanceof HTMLButtonElement || control instanceof HTMLInputElement) ||
  !control.disabled;

/** Sets a field's value as typing would, so React's own handlers see the change. */
const type = (field: HTMLElement, value: string) => {
  const prototype =
    field instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
};

/** The control an act works on, once it is on the page and enabled (else undefined). */
export const targetOf = (act: DemoAct): HTMLElement | undefined => {
  if (act.kind === 'fill') {
    const region = regionNamed(act.form);
    return region ? controlNamed(act.field, region) : undefined;
  }
  if (act.kind === 'press-row') {
    const table = regionNamed(act.table);
    const rows = [...(table?.querySelectorAll<HTMLTableRowElement>('tr[tabindex]') ?? [])].filter(
      (row) => act.cells.every((cell) => [...row.cells].some((c) => c.textContent.trim() === cell)),
    );
    return act.last ? rows.at(-1) : rows[0];
  }
  const within = act.kind === 'press' && act.within ? regionNamed(act.within) : document;
  const control = within && controlNamed(act.control, within);
  return control && usable(control) ? control : undefined;
};

/** Says what an act needs, for an error when it cannot be found. */
export const describeTarget = (act: DemoAct): string =>
  act.kind === 'fill'
    ? `the field ${act.field} of ${act.form}`
    : act.kind === 'press-row'
      ? `a row of ${act.table} with ${act.cells.join(', ')}`
      : `an enabled control named ${act.control}`;

/** Does an act once on `target`. */
export const doOn = (act: DemoAct, target: HTMLElement): void => {
  if (act.kind === 'fill') type(target, act.value);
  else target.click();
};

// Controls as our pages name them: the names a chapter highlights and a demonstration presses.

/** The text of `label` without the text of the control inside it (a select's options). */
const labelText = (label: HTMLLabelElement, control: Element): string => {
  const copy = label.cloneNode(true) as HTMLLabelElement;
  for (const inner of copy.querySelectorAll('select, input, textarea')) inner.remove();
  return label.contains(control) ? copy.textContent.trim() : label.textContent.trim();
};

/** The accessible name as our controls spell it: aria-label, a label's text, or the text itself. */
export const nameOf = (element: Element): string => {
  const label = element.getAttribute('aria-label');
  if (label) return label;
  if (element instanceof HTMLInputElement || element instanceof HTMLSelectElement) {
    const first = element.labels?.[0];
    return first ? labelText(first, element) : '';
  }
  return element.textContent.trim();
};

/** A region's or form's name: its aria-label, or the text of the element that labels it. */
export const regionName = (element: Element): string => {
  const labelledBy = element.getAttribute('aria-labelledby');
  return labelledBy
    ? labelledBy
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent.trim() ?? '')
        .join(' ')
    : (element.getAttribute('aria-label') ?? '');
};

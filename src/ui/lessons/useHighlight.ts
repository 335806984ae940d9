import { useEffect } from 'react';

const CLASS = 'lesson-highlight';
const CANDIDATES = 'button, input, select, a, table, form, section, [role="button"]';

/** The accessible name as our controls spell it: aria-label, a label's text, or the text itself. */
const nameOf = (element: Element): string => {
  const label = element.getAttribute('aria-label');
  if (label) return label;
  if (element instanceof HTMLInputElement || element instanceof HTMLSelectElement)
    return element.labels?.[0]?.textContent.trim() ?? '';
  return element.textContent.trim();
};

/**
 * Outlines the controls a chapter asks the learner to use. Panels re-render all the time, so the
 * marks are refreshed a few times a second rather than set once.
 */
export const useHighlight = (names: readonly string[]): void => {
  const key = names.join('\n');
  useEffect(() => {
    const wanted = new Set(key.split('\n').filter(Boolean));
    if (wanted.size === 0) return;
    const mark = () => {
      for (const element of document.querySelectorAll(CANDIDATES)) {
        const on = wanted.has(nameOf(element));
        if (on !== element.classList.contains(CLASS)) element.classList.toggle(CLASS, on);
      }
    };
    mark();
    const timer = setInterval(mark, 500);
    return () => {
      clearInterval(timer);
      for (const element of document.querySelectorAll(`.${CLASS}`)) element.classList.remove(CLASS);
    };
  }, [key]);
};

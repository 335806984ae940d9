import { useEffect } from 'react';
import { nameOf } from './accessibleName';

const CLASS = 'lesson-highlight';
const CANDIDATES = 'button, input, select, a, table, form, section, [role="button"]';

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

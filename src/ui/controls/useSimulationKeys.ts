import { useEffect } from 'react';

const isTextEntry = (target: EventTarget | null): boolean => {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset'].includes(target.type);
};

/** Space plays or pauses, → steps forward, ← steps back; never while typing in a field. */
export const useSimulationKeys = (actions: {
  togglePlay: () => void;
  stepForward: () => void;
  stepBack: () => void;
}) => {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTextEntry(event.target)) return;
      // A focused button or slider keeps its own Space and arrow keys.
      if (event.target instanceof HTMLButtonElement && event.key === ' ') return;
      if (event.target instanceof HTMLInputElement && event.target.type === 'range') return;
      const action =
        event.key === ' '
          ? actions.togglePlay
          : event.key === 'ArrowRight'
            ? actions.stepForward
            : event.key === 'ArrowLeft'
              ? actions.stepBack
              : undefined;
      if (!action) return;
      event.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [actions]);
};

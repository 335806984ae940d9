import { useEffect, useState } from 'react';
import { useTimeline } from '../../state/stores';

/** The timeline record, refreshed at most every `ms`: charts need not redraw on every frame. */
export const useThrottledTimeline = (ms = 500) => {
  const [record, setRecord] = useState(() => useTimeline.getState());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = useTimeline.subscribe(() => {
      timer ??= setTimeout(() => {
        timer = undefined;
        setRecord(useTimeline.getState());
      }, ms);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [ms]);
  return record;
};

import { logHoldsSandboxWork } from '../../state/lessons';
import { useLog } from '../../state/stores';
import { counted } from '../counted';

/**
 * Whether a scenario may replace the log: at once when it holds no sandbox work, else if the
 * learner says so. Told no, the page goes back to the sandbox with the log as it was.
 */
export const mayReplaceLog = (what: string, log: string): boolean => {
  if (!logHoldsSandboxWork()) return true;
  const held = useLog.getState().head;
  if (window.confirm(`${what} and replaces ${log} (${counted(held, 'event')}). Continue?`))
    return true;
  location.hash = '#/';
  return false;
};

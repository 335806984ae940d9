// Says, all the while, that the sandbox runs on a fork and not on Main, with the way back.
import { useForks } from '../../state/forks';
import { showNotice } from '../../state/stores';
import { useInChapter } from '../lessons/useHash';
import { useRuntime } from '../runtimeContext';
import { goTo, logOf, reasonOf } from './forkActions';

export const ForkBanner = () => {
  const runtime = useRuntime();
  const { forks, choice } = useForks();
  const inChapter = useInChapter();
  const fork = forks.find((f) => f.space === choice);
  if (!fork || inChapter) return null;
  return (
    <p className="banner banner-fork">
      You are in the fork “{fork.name}”, started from {logOf(fork.source)} at #{fork.from}. The
      events of the commands you run here go to this fork’s log only.{' '}
      <button
        type="button"
        className="small"
        disabled={!runtime}
        onClick={() => {
          if (runtime)
            goTo(runtime, 'main').catch((error: unknown) =>
              showNotice(`The lab could not go back to Main: ${reasonOf(error)}`),
            );
        }}
      >
        Back to Main
      </button>
    </p>
  );
};

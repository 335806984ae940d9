// A chapter's bench worker: started in the lessons' space when its workbench opens, stopped when it
// closes, its calls timed out like every other worker's.
import { remote, type Remote } from '../bus/remote';
import { workerNamed, type Space } from '../eventstore/space';

export const startBenchWorker = <Api extends object>(
  Worker: new (options: { name: string }) => Worker,
  name: string,
  { space = 'lesson', timeoutMs }: { space?: Space; timeoutMs: number },
): { api: Remote<Api>; stop: () => void } => {
  const worker = new Worker({ name: workerNamed(name, space) });
  const api = remote<Api>(worker, { name, timeoutMs });
  return {
    api,
    stop: () => {
      api.abort(`The ${name.toLowerCase()} was stopped`);
      worker.terminate();
    },
  };
};

// A chapter's bench worker, as its workbench uses it: started when the bench opens and stopped when
// it closes, prepared before its buttons wake, and one piece of work at a time with its error shown.
import { useEffect, useRef, useState } from 'react';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const useBench = <Api, Ready>({
  start,
  prepare,
  ready = () => undefined,
  refresh = () => Promise.resolve(),
  name,
}: {
  start: () => { api: Api; stop: () => void };
  /** What the bench does before its buttons wake (e.g. writes a long history). */
  prepare: (api: Api) => Promise<Ready>;
  /** Shows what `prepare` found; not called once the bench has closed. */
  ready?: (found: Ready) => void;
  /** What the workbench reads again after each piece of work. */
  refresh?: (api: Api) => Promise<void>;
  /** The bench's name in its error, e.g. "snapshot loader". */
  name: string;
}) => {
  const [bench, setBench] = useState<Api | undefined>();
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(true);
  // The first render's callbacks start the bench: it starts once per opening.
  const opening = useRef({ start, prepare, ready, name });

  useEffect(() => {
    const { start, prepare, ready, name } = opening.current;
    const started = start();
    let stopped = false;
    prepare(started.api).then(
      (found) => {
        if (stopped) return;
        ready(found);
        setBench(() => started.api);
        setBusy(false);
      },
      (error: unknown) => {
        if (!stopped) setFailed(`The ${name} could not start: ${messageOf(error)}`);
      },
    );
    return () => {
      stopped = true;
      started.stop();
    };
  }, []);

  /** Runs one piece of work on the bench, the buttons asleep meanwhile; an error is shown. */
  const run = async (work: (api: Api) => Promise<void>) => {
    if (!bench) return;
    setBusy(true);
    setFailed(null);
    try {
      await work(bench);
      await refresh(bench);
    } catch (error) {
      setFailed(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  /** Shows an error from work that runs beside the others (not through `run`). */
  const fail = (error: unknown) => setFailed(error === null ? null : messageOf(error));

  return { bench, busy, failed, run, fail };
};

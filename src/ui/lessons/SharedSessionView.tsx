import { useEffect, useState } from 'react';
import { parseHash } from '../../lessons/route';
import { noteWork } from '../../state/lessons';
import { offerSharedProjection } from '../../state/sharedProjection';
import { chooseDomain } from '../../state/settings';
import { useRuntime } from '../runtimeContext';
import { counted } from '../counted';
import { mayReplaceLog } from './mayReplaceLog';

type Load = { kind: 'loading' | 'done' | 'failed'; text: string };

/** Sets up the session a share link carries: its domain and delays, then its commands replayed. */
export const SharedSessionView = ({ hash }: { hash: string }) => {
  const runtime = useRuntime();
  const [load, setLoad] = useState<Load>({
    kind: 'loading',
    text: 'Setting up the shared session…',
  });

  useEffect(() => {
    const route = parseHash(hash);
    if (!runtime || route.kind !== 'share') return;
    const { session } = route;
    let live = true;
    if (
      !mayReplaceLog(
        `This link sets up a shared session (${counted(session.commands.length, 'command')})`,
        'your log',
      )
    )
      return;
    chooseDomain(session.domain);
    runtime
      .loadScenario({
        domain: session.domain,
        delays: session.delays,
        history: session.commands,
        playing: true,
      })
      .then((head) => {
        noteWork();
        if (session.projection !== undefined) offerSharedProjection(session.projection);
        if (live)
          setLoad({
            kind: 'done',
            text: `Loaded a shared session: ${counted(session.commands.length, 'command')} in the ${session.domain}, the log now ends at #${String(head)}. It is yours now: carry on from here.${session.projection === undefined ? '' : ' It carries a projection too: Your projection offers it.'}`,
          });
      })
      .catch((error: unknown) => {
        if (live)
          setLoad({
            kind: 'failed',
            text: `This shared session could not be set up: ${error instanceof Error ? error.message : String(error)}`,
          });
      });
    return () => {
      live = false;
    };
  }, [runtime, hash]);

  return (
    <p role={load.kind === 'failed' ? 'alert' : 'status'} aria-label="Shared session">
      {load.text}
    </p>
  );
};

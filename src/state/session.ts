// What a share link needs to reproduce the sandbox: the delays set on each receiver, and the
// commands the learner sent that were accepted (in order). A reset of the log starts both again.
import { create } from 'zustand';
import { DEFAULT_BUS_SETTINGS, defaultDelayOf } from '../bus/defaults';
import type { CommandInput } from '../domain/lab';

const defaultDelays = (): Record<string, number> =>
  Object.fromEntries(
    Object.keys(DEFAULT_BUS_SETTINGS).map((endpoint) => [endpoint, defaultDelayOf(endpoint)]),
  );

export const useDelays = create<{ delays: Record<string, number> }>(() => ({
  delays: defaultDelays(),
}));

/** Records a delay the bus was given (by a slider, a chapter or a shared link). */
export const noteDelay = (endpoint: string, ms: number): void =>
  useDelays.setState((s) => ({ delays: { ...s.delays, [endpoint]: ms } }));

/** Delays as a scenario sets them: the defaults, with these over them. */
export const noteDelays = (delays: Partial<Record<string, number>>): void =>
  useDelays.setState({
    delays: Object.fromEntries(
      Object.entries(defaultDelays()).map(([endpoint, ms]) => [endpoint, delays[endpoint] ?? ms]),
    ),
  });

/**
 * Why the log may hold more than the recorded commands: events from an earlier visit, an imported
 * file, or the load generator. Then the commands alone do not rebuild it, and a link cannot share it.
 */
export type Unrecorded = 'earlier visit' | 'imported file' | 'load generator';

export const useSession = create<{ commands: CommandInput[]; unrecorded: Unrecorded | null }>(
  () => ({ commands: [], unrecorded: null }),
);

export const noteAccepted = (command: CommandInput): void =>
  useSession.setState((s) => ({ commands: [...s.commands, command] }));

/** The log now also holds events that no recorded command explains. */
export const noteUnrecorded = (why: Unrecorded): void =>
  useSession.setState((s) => ({ unrecorded: s.unrecorded ?? why }));

/** The log was emptied (and maybe rebuilt by these commands): the session starts again. */
export const forgetSession = (commands: readonly CommandInput[] = []): void =>
  useSession.setState({ commands: [...commands], unrecorded: null });

// Runs commands the way the write model does: decide on the state so far, keep the events;
// a refused command (DomainError) appends nothing.
import { DomainError, type Decider } from '../types';

export const runAll = <S, C, E>(decider: Decider<S, C, E>, commands: readonly C[]) => {
  let state = decider.initialState();
  const log: E[] = [];
  for (const command of commands) {
    try {
      const events = decider.decide(command, state);
      log.push(...events);
      state = events.reduce(decider.evolve, state);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return { state, log };
};

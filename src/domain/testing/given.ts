// given(history).when(command).then(events): specs for deciders that read like the domain.
import { expect } from 'vitest';
import type { Decider } from '../types';

export const specFor =
  <S, C, E>(decider: Decider<S, C, E>) =>
  (history: readonly E[]) => ({
    when: (command: C) => {
      const run = () =>
        decider.decide(command, history.reduce(decider.evolve, decider.initialState()));
      return {
        then: (expected: readonly E[]) => {
          expect(run()).toEqual(expected);
        },
        thenThrows: (reason: RegExp | string) => {
          expect(run).toThrow(reason);
        },
      };
    },
  });

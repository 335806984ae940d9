// The write model decides each command on the states of the streams `streamsOf` names, each folded
// from its own events. That must give the same decision as the state of the whole log, or a rule
// is reading a stream nobody loaded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labDomain, type LabCommand, type LabEvent, type LabState } from './lab';
import { labCommand as command } from './testing/labCommands';
import { DomainError } from './types';

const attempt = (c: LabCommand, state: LabState): LabEvent[] | string => {
  try {
    return labDomain.decide(c, state);
  } catch (error) {
    if (error instanceof DomainError) return error.message;
    throw error;
  }
};

describe('Deciding on the streams a command names', () => {
  it('gives the same decision as deciding on the whole log', () =>
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        let whole = labDomain.initialState();
        const byStream = new Map<string, LabState>();
        for (const c of commands) {
          const parts = labDomain
            .streamsOf(c)
            .map((s) => byStream.get(s) ?? labDomain.initialState());
          const fromParts = attempt(c, labDomain.combine(parts));
          expect(fromParts).toEqual(attempt(c, whole));
          if (typeof fromParts === 'string') continue;
          for (const event of fromParts) {
            const stream = labDomain.streamOf(event);
            byStream.set(
              stream,
              labDomain.evolve(byStream.get(stream) ?? labDomain.initialState(), event),
            );
            whole = labDomain.evolve(whole, event);
          }
        }
        expect(labDomain.combine([...byStream.values()])).toEqual(whole);
      }),
      { numRuns: 1000 },
    ));
});

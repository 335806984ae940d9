import { describe, expect, it } from 'vitest';
import { inSpace, spaceOfName, workerNamed } from './space';

describe('Spaces', () => {
  it('keep the sandbox’s names as they were, and give the lessons their own', () => {
    expect(inSpace('cqrs-lab-events', 'sandbox')).toBe('cqrs-lab-events');
    expect(inSpace('cqrs-lab-events', 'lesson')).toBe('cqrs-lab-events-lesson');
  });

  it('travel in a worker’s name, and a name without one is the sandbox', () => {
    expect(spaceOfName(workerNamed('write model', 'lesson'))).toBe('lesson');
    expect(spaceOfName(workerNamed('write model', 'sandbox'))).toBe('sandbox');
    expect(workerNamed('write model', 'sandbox')).toBe('write model');
    expect(spaceOfName('Writer A @elsewhere')).toBe('sandbox');
    expect(spaceOfName('')).toBe('sandbox');
  });
});

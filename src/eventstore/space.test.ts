import { describe, expect, it } from 'vitest';
import { belongsTo, inSpace, isSpace, newForkSpace, spaceOfName, workerNamed } from './space';

describe('Spaces', () => {
  it('keep the sandbox’s names as they were, and give the lessons and each fork their own', () => {
    expect(inSpace('cqrs-lab-events', 'sandbox')).toBe('cqrs-lab-events');
    expect(inSpace('cqrs-lab-events', 'lesson')).toBe('cqrs-lab-events-lesson');
    expect(inSpace('cqrs-lab-events', 'fork-abc123')).toBe('cqrs-lab-events-fork-abc123');
  });

  it('travel in a worker’s name, and a name without one is the sandbox', () => {
    expect(spaceOfName(workerNamed('write model', 'lesson'))).toBe('lesson');
    expect(spaceOfName(workerNamed('write model', 'sandbox'))).toBe('sandbox');
    expect(spaceOfName(workerNamed('Order status', 'fork-abc123'))).toBe('fork-abc123');
    expect(workerNamed('write model', 'sandbox')).toBe('write model');
    expect(spaceOfName('Writer A @elsewhere')).toBe('sandbox');
    expect(spaceOfName('Writer A @fork-')).toBe('sandbox');
    expect(spaceOfName('Writer A @fork-UPPER')).toBe('sandbox');
    expect(spaceOfName('')).toBe('sandbox');
  });

  it('make each fork a space of its own, whose stores are told apart by their names', () => {
    const a = newForkSpace();
    const b = newForkSpace();
    expect(isSpace(a)).toBe(true);
    expect(a).not.toBe(b);
    expect(belongsTo(inSpace('cqrs-lab-events', a), a)).toBe(true);
    expect(belongsTo(inSpace('cqrs-lab-view-Order status', a), a)).toBe(true);
    expect(belongsTo(inSpace('cqrs-lab-events', b), a)).toBe(false);
    expect(belongsTo('cqrs-lab-events', a)).toBe(false);
    expect(isSpace('fork-../x')).toBe(false);
  });
});

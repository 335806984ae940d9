import { describe, expect, it } from 'vitest';
import {
  forkNameProblem,
  newForkName,
  parseChoice,
  parseForks,
  spaceOfChoice,
  type Fork,
} from './forks';

const fork = (space: `fork-${string}`, name: string, from = 3): Fork => ({
  space,
  name,
  source: 'Main',
  from,
  createdAt: '2026-12-04T10:00:00.000Z',
});

describe('The forks kept in the browser', () => {
  it('read back as written, and anything unreadable is left out', () => {
    const a = fork('fork-a1', 'Fork from #3');
    const b = fork('fork-b2', 'Refund first', 7);
    expect(parseForks(JSON.stringify([a, b]))).toEqual([a, b]);
    expect(parseForks(null)).toEqual([]);
    expect(parseForks('not json')).toEqual([]);
    expect(parseForks('{"space":"fork-a1"}')).toEqual([]);
    expect(
      parseForks(
        JSON.stringify([a, { ...b, space: 'sandbox' }, { ...b, from: -1 }, { ...b, name: '' }, a]),
      ),
    ).toEqual([a]);
    expect(parseForks(JSON.stringify([{ ...a, name: '\u202Egum eulB' }]))).toEqual([]);
  });

  it('choose Main unless the stored choice is a fork that is listed', () => {
    const forks = [fork('fork-a1', 'A')];
    expect(parseChoice('fork-a1', forks)).toBe('fork-a1');
    expect(parseChoice('fork-zz', forks)).toBe('main');
    expect(parseChoice(null, forks)).toBe('main');
    expect(spaceOfChoice('main')).toBe('sandbox');
    expect(spaceOfChoice('fork-a1')).toBe('fork-a1');
  });
});

describe('A fork’s name', () => {
  const forks = [fork('fork-a1', 'Fork from #3'), fork('fork-b2', 'Refund first')];

  it('is refused when empty, too long, taken, “Main” or disguised, with the reason', () => {
    expect(forkNameProblem('  ', forks)).toBe('A fork’s name is required');
    expect(forkNameProblem('x'.repeat(41), forks)).toBe(
      'A fork’s name must be at most 40 characters',
    );
    expect(forkNameProblem('refund FIRST', forks)).toBe(
      'A fork is already called “Refund first”: choose another name',
    );
    expect(forkNameProblem('main', forks)).toBe('“Main” is the sandbox’s log: choose another name');
    expect(forkNameProblem('\u202Egum eulB', forks)).toContain('reverse the text');
    expect(forkNameProblem('a\u200Bb', forks)).toContain('control or invisible');
  });

  it('may keep its own name, and may be any other visible text', () => {
    expect(forkNameProblem('Refund first', forks, 'fork-b2')).toBeNull();
    expect(forkNameProblem('Ship before paying', forks)).toBeNull();
    expect(forkNameProblem('Commande n°2 – été', forks)).toBeNull();
  });

  it('is “Fork from #N” when new, numbered when that is taken', () => {
    expect(newForkName(5, forks)).toBe('Fork from #5');
    expect(newForkName(3, forks)).toBe('Fork from #3 (2)');
    expect(newForkName(3, [...forks, fork('fork-c3', 'fork from #3 (2)')])).toBe(
      'Fork from #3 (3)',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { lowerOf, soonerChoice, SOONER_CHOICES } from './figures';

describe('Reading two measured times', () => {
  it.each([
    [9.8, 192.6, 'first'],
    [127, 11, 'second'],
    [2.9, 3.1, 'either'],
    [100, 110, 'either'],
    [100, 112, 'first'],
    [0, 0, 'either'],
    [null, 5, 'either'],
  ] as const)('%s against %s: %s is lower', (first, second, lower) =>
    expect(lowerOf(first, second)).toBe(lower),
  );

  it('names the sooner design among the question’s choices', () => {
    expect(SOONER_CHOICES[soonerChoice(9.8, 192.6)]).toBe('The single model');
    expect(SOONER_CHOICES[soonerChoice(192.6, 9.8)]).toBe('The split design');
    expect(SOONER_CHOICES[soonerChoice(3.4, 3.3)]).toBe('About the same (within 10%)');
  });
});

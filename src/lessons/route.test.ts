import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, infoById } from './chapters/catalogue';
import { readProgress, withDone } from './progress';
import { hashOf, parseHash } from './route';

const NOT_A_NAME =
  'The chapter in this link is not a chapter name (lower-case letters, digits and dashes). Pick a chapter below.';

describe('The link', () => {
  it.each(['', '#', '#/'])('%j opens the sandbox', (hash) =>
    expect(parseHash(hash)).toEqual({ kind: 'sandbox' }),
  );

  it('names a chapter by its id', () => {
    const route = parseHash('#/lessons/stale-read');
    expect(route.kind).toBe('chapter');
    expect(route.kind === 'chapter' && route.chapter).toBe(infoById('stale-read'));
  });

  it('says which chapter it could not find', () =>
    expect(parseHash('#/lessons/sagas')).toEqual({
      kind: 'unknown',
      message: 'There is no chapter called “sagas”. Pick one below.',
    }));

  it('refuses characters a chapter id cannot have, without repeating them', () => {
    const route = parseHash('#/lessons/<script>');
    expect(route).toEqual({ kind: 'unknown', message: NOT_A_NAME });
  });

  it('refuses an empty or upper-case chapter id', () => {
    expect(parseHash('#/lessons/')).toEqual({ kind: 'unknown', message: NOT_A_NAME });
    expect(parseHash('#/lessons/Stale-Read')).toEqual({ kind: 'unknown', message: NOT_A_NAME });
  });

  it('refuses a very long chapter id, without repeating it', () =>
    expect(parseHash(`#/lessons/${'a'.repeat(10_000)}`)).toEqual({
      kind: 'unknown',
      message: 'The chapter in this link is too long to be a chapter name. Pick a chapter below.',
    }));

  it('that points elsewhere does not name a lesson', () => {
    expect(parseHash('#/other')).toEqual({
      kind: 'unknown',
      message: 'This link does not name a lesson. Pick a chapter below.',
    });
    expect(parseHash('#/lessons').kind).toBe('unknown');
  });

  it.each(CATALOGUE.map((c) => [c.id, c] as const))(
    'of chapter %s leads back to it',
    (_, chapter) => {
      const hash = hashOf(chapter);
      expect(hash).toBe(`#/lessons/${chapter.id}`);
      expect(parseHash(hash)).toEqual({ kind: 'chapter', chapter });
    },
  );

  it('of no chapter leads back to the sandbox', () =>
    expect(parseHash(hashOf(null))).toEqual({ kind: 'sandbox' }));

  it('opens a chapter only when it is that chapter’s link, whatever else it says', () =>
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 80 }),
          fc.string({ maxLength: 80 }).map((s) => `#/lessons/${s}`),
        ),
        (hash) => {
          const route = parseHash(hash);
          if (route.kind === 'chapter') expect(hash).toBe(hashOf(route.chapter));
          if (route.kind === 'unknown') expect(route.message.length).toBeLessThan(200);
        },
      ),
    ));
});

describe('Progress kept in the browser', () => {
  const [first, second] = CATALOGUE;
  const a = first?.id ?? '';
  const b = second?.id ?? '';

  it('is empty when nothing is stored', () => expect(readProgress(null)).toEqual([]));

  it('keeps the good entries when one entry is bad', () => {
    const long = 'x'.repeat(500);
    expect(readProgress(JSON.stringify(['stale-read', 42, long, null, 'rebuild']))).toEqual([
      'stale-read',
      'rebuild',
    ]);
  });

  it('is empty when the stored text is not JSON', () => {
    expect(readProgress('{not json')).toEqual([]);
    expect(readProgress('')).toEqual([]);
  });

  it('is empty when the stored value is not a list', () => {
    expect(readProgress(JSON.stringify({ [a]: true }))).toEqual([]);
    expect(readProgress(JSON.stringify(a))).toEqual([]);
    expect(readProgress('null')).toEqual([]);
  });

  it('keeps the chapters stored, in order', () =>
    expect(readProgress(JSON.stringify([b, a]))).toEqual([b, a]));

  it('drops chapters it does not know', () =>
    expect(readProgress(JSON.stringify(['sagas', a, 'constructor']))).toEqual([a]));

  it('counts each chapter once', () =>
    expect(readProgress(JSON.stringify([a, b, a, a]))).toEqual([a, b]));

  it('marks a chapter done once', () => {
    const done = withDone([a], b);
    expect(done).toEqual([a, b]);
    expect(withDone(done, b)).toEqual([a, b]);
    expect(withDone(done, a)).toEqual([a, b]);
  });

  it('is not changed in place when a chapter is marked done', () => {
    const done = [a];
    expect(withDone(done, b)).not.toBe(done);
    expect(withDone(done, a)).not.toBe(done);
    expect(done).toEqual([a]);
  });

  it('reads back what was written', () =>
    expect(readProgress(JSON.stringify(withDone(withDone([], b), a)))).toEqual([b, a]));
});

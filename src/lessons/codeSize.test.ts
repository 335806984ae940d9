import { describe, expect, it } from 'vitest';
import { codeLines, partOf, sizeByPart } from './codeSize';

describe('Counting code', () => {
  it('counts lines that hold code, not blank lines or comments', () => {
    const source = [
      '// a comment',
      '/** A doc comment',
      ' * more of it',
      ' */',
      '',
      'const a = 1;',
      '   ',
      'export const b = () => a; // trailing comments count as code',
    ].join('\n');
    expect(codeLines(source)).toBe(2);
  });

  it.each([
    ['domain/shop/shop.decider.ts', 'shared rules'],
    ['domain/lab.ts', 'shared rules'],
    ['domain/shop/stockLevels.projection.ts', 'split only'],
    ['domain/projection.ts', 'split only'],
    ['eventstore/appendBatch.ts', 'split only'],
    ['readstore/readStoreDb.ts', 'split only'],
    ['writemodel/writeModel.ts', 'split only'],
    ['projection/projectionHost.ts', 'split only'],
    ['singlemodel/singleModel.ts', 'single model only'],
    ['singlemodel/singleModelDb.ts', 'single model only'],
    ['bus/scheduler.ts', null],
    ['bus/host/delivery.ts', null],
    ['projection/timeTravel.ts', null],
    ['projection/viewLock.ts', null],
    ['writemodel/audit.ts', null],
    ['singlemodel/compare.ts', null],
    ['eventstore/logChannel.ts', null],
    ['eventstore/upgrade.ts', null],
    ['domain/shop/shop.decider.test.ts', null],
    ['ui/App.tsx', null],
  ] as const)('puts %s in %s', (path, part) => expect(partOf(path)).toBe(part));

  it('adds the lines up per part', () => {
    expect(
      sizeByPart({
        'domain/shop/a.ts': 'a\nb',
        'eventstore/x.ts': 'x',
        'singlemodel/singleModel.ts': 's\n\n// c\nt\nu',
        'ui/App.tsx': 'ignored',
      }),
    ).toEqual({ 'shared rules': 2, 'split only': 1, 'single model only': 3 });
  });
});

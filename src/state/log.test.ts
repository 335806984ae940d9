import { describe, expect, it } from 'vitest';
import { commandMeta } from '../domain/testing/stored';
import type { StoredEvent } from '../domain/types';
import { keepRecent, mergeByPosition } from './log';

const at = (position: number): StoredEvent => ({
  type: 'X',
  data: {},
  position,
  streamId: 's',
  version: position,
  meta: commandMeta('c', ''),
});
const positions = (events: StoredEvent[]) => events.map((e) => e.position);

describe('Merging the log', () => {
  it('appends newer events', () =>
    expect(positions(mergeByPosition([at(1)], [at(2), at(3)]))).toEqual([1, 2, 3]));

  it('drops events it already has (a trace frame and the initial load overlap)', () =>
    expect(positions(mergeByPosition([at(1), at(2)], [at(2), at(3)]))).toEqual([1, 2, 3]));

  it('puts an older page before newer events', () =>
    expect(positions(mergeByPosition([at(3), at(4)], [at(1), at(2), at(3)]))).toEqual([
      1, 2, 3, 4,
    ]));

  it('drops duplicates within one delivery', () =>
    expect(positions(mergeByPosition([], [at(2), at(1), at(2)]))).toEqual([1, 2]));
});

describe('Keeping the newest events', () => {
  it('keeps only the newest, however many arrive', () =>
    expect(positions(keepRecent([at(1), at(2)], [at(3), at(4), at(5)], 3))).toEqual([3, 4, 5]));

  it('keeps everything while the log is short', () =>
    expect(positions(keepRecent([at(1)], [at(2)], 3))).toEqual([1, 2]));
});

// Forking a log against a real (in-memory) IndexedDB: the fork holds exactly events 1..N as stored,
// takes its own appends without touching the source, and never holds a mix of two logs.
import { describe, expect, it } from 'vitest';
import { append, forkLog, headPosition, readAll, removeCommands } from '.';
import {
  databasesPerTest,
  givenTwoProductStreams,
  meta,
  positionsOf,
  productAdded,
  rejectionOf,
  stockReserved,
  toStream,
} from './testing/eventStoreFixture';

const open = databasesPerTest();

describe('Forking a log', () => {
  it('copies exactly events 1..N, as stored, and leaves the source as it was', async () => {
    const source = open();
    const fork = open();
    await givenTwoProductStreams(source);
    const whole = await readAll(source, {});

    expect(await forkLog(source, fork, 3)).toEqual({ events: 3, splitCommand: false });

    expect(await readAll(fork, {})).toEqual(whole.slice(0, 3));
    expect(await readAll(source, {})).toEqual(whole);
  });

  it('takes appends of its own that the source never sees, and the source’s that it never sees', async () => {
    const source = open();
    const fork = open();
    await givenTwoProductStreams(source);
    await forkLog(source, fork, 3);

    // product-A is at version 2 in the fork (its third event, #4, was not copied).
    await append(fork, [toStream('product-A', 2, stockReserved('A', 'fork-order'))], meta());
    await append(source, [toStream('product-C', 'no-stream', productAdded('C'))], meta());

    expect(positionsOf(await readAll(fork, {}))).toEqual([1, 2, 3, 4]);
    expect((await readAll(fork, { fromPosition: 4 }))[0]?.data).toMatchObject({
      orderId: 'fork-order',
    });
    expect(await headPosition(source)).toBe(6);
    expect((await readAll(source, { fromPosition: 4, limit: 1 }))[0]?.data).toMatchObject({
      orderId: 'o2',
    });
  });

  it('keeps the command marks, so a command retried in the fork is not appended twice', async () => {
    const source = open();
    const fork = open();
    const first = meta();
    await append(source, [toStream('product-A', 'no-stream', productAdded('A'))], first);
    await forkLog(source, fork, 1);

    const retried = await append(
      fork,
      [toStream('product-A', 'no-stream', productAdded('A'))],
      first,
    );

    expect(retried.duplicate).toBe(true);
    expect(await headPosition(fork)).toBe(1);
  });

  it('says when N cuts a command’s events in two', async () => {
    const source = open();
    await givenTwoProductStreams(source); // #1 and #2 are one command's

    expect((await forkLog(source, open(), 1)).splitCommand).toBe(true);
    expect((await forkLog(source, open(), 2)).splitCommand).toBe(false);
    expect((await forkLog(source, open(), 5)).splitCommand).toBe(false);
  });

  it('forks at #0 as an empty log, in place of what the target held', async () => {
    const source = open();
    const fork = open();
    await givenTwoProductStreams(source);
    await forkLog(source, fork, 5);

    expect(await forkLog(source, fork, 0)).toEqual({ events: 0, splitCommand: false });
    expect(await headPosition(fork)).toBe(0);
  });

  it('refuses a position past the head or not a position, and writes nothing', async () => {
    const source = open();
    const fork = open();
    await givenTwoProductStreams(source);

    expect(String(await rejectionOf(forkLog(source, fork, 6)))).toContain(
      'The log ends at #5, so it cannot be forked at #6',
    );
    expect(String(await rejectionOf(forkLog(source, fork, 1.5)))).toContain('not 1.5');
    expect(await headPosition(fork)).toBe(0);
  });

  it('empties the fork again if the source was rewritten while it was copied', async () => {
    const source = open();
    const fork = open();
    await givenTwoProductStreams(source);
    const last = (await readAll(source, { fromPosition: 5 }))[0]?.meta.commandId ?? '';
    // Another tab steps back as soon as the copy has written its first page.
    const bulkAdd = fork.events.bulkAdd.bind(fork.events);
    fork.events.bulkAdd = (async (rows: Parameters<typeof bulkAdd>[0]) => {
      const key = await bulkAdd(rows);
      await removeCommands(open(source.name), [last]);
      return key;
    }) as typeof fork.events.bulkAdd;

    const error = await rejectionOf(forkLog(source, fork, 5));

    expect(String(error)).toContain('nothing was forked');
    expect(await headPosition(fork)).toBe(0);
  });
});

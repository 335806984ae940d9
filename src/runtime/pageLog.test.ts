import { describe, expect, it } from 'vitest';
import { storedAll } from '../domain/testing/stored';
import { useLog } from '../state/stores';
import { RECENT_EVENTS } from '../state/log';
import { createPageLog } from './pageLog';
import type { Remote } from '../bus/remote';
import type { WriteWorkerApi } from '../workers/writeWorkerApi';

/** A write worker whose log holds `count` events, read from its end as the real one reads it. */
const writeWith = (count: number) => {
  const log = storedAll(
    Array.from({ length: count }, (_, i) => ({ type: 'StockAdjusted', data: { i } })),
    () => 'product-1',
  );
  const asked: number[] = [];
  const from: number[] = [];
  const write = {
    readTail: (limit: number, fromPosition = 1) => {
      asked.push(limit);
      from.push(fromPosition);
      return Promise.resolve(log.slice(Math.max(fromPosition - 1, log.length - limit)));
    },
  } as unknown as Remote<WriteWorkerApi>;
  return { write, asked, from, log };
};

describe("The page's log, as the runtime keeps it", () => {
  it('reads only the newest events, however long the stored log, and knows its head', async () => {
    const log = createPageLog();
    const { write, asked } = writeWith(12_000);
    await expect(log.load(write)).resolves.toBe(12_000);
    expect(asked).toEqual([RECENT_EVENTS]);
    expect(log.head()).toBe(12_000);
    const { head, recent } = useLog.getState();
    expect(head).toBe(12_000);
    expect(recent).toHaveLength(RECENT_EVENTS);
    expect(recent[0]?.position).toBe(12_000 - RECENT_EVENTS + 1);
  });

  it('catches up by reading only what it lacks: another tab’s few appends, not the whole tail', async () => {
    const log = createPageLog();
    const { write, from, log: stored } = writeWith(12_005);
    log.learn([{ kind: 'appended', events: [], head: 12_000 }]);
    await expect(log.load(write, log.head() + 1)).resolves.toBe(12_005);
    expect(from).toEqual([12_001]);
    expect(useLog.getState().recent.at(-1)).toEqual(stored.at(-1));
  });

  it('follows the trace: appends move the head on, a step back and a reset move it back', () => {
    const log = createPageLog();
    log.learn([{ kind: 'appended', events: [], head: 7 }]);
    expect(log.head()).toBe(7);
    log.learn([{ kind: 'unappended', head: 5 }]);
    expect(log.head()).toBe(5);
    log.learn([{ kind: 'reset' }, { kind: 'appended', events: [], head: 2 }]);
    expect(log.head()).toBe(2);
  });

  it('lets an import wait until the screen has taken in the reset, not just received it', async () => {
    const log = createPageLog();
    let shown = false;
    const waiting = log.nextResetShown().then(() => (shown = true));
    log.learn([{ kind: 'reset' }]);
    log.shown([{ kind: 'clock', now: 0, pending: 0, playing: true, speed: 1, history: 0 }]);
    await Promise.resolve();
    expect(shown).toBe(false);
    log.shown([{ kind: 'reset' }]);
    await waiting;
    expect(shown).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import type { Calls } from '../bus/remote';
import { WorkerTimeoutError } from '../bus/timeout';
import type { StoredEvent } from '../domain/types';
import { LearnerCodeDb } from '../learner/codeStore';
import { STARTER_PROJECTION } from '../learner/sandbox';
import { createLearnerWorkerApi, type LearnerWorkerApi } from '../workers/learnerWorkerApi';
import { createLearnerRunner, LEARNER_BATCH, type LearnerWorker } from './learnerRunner';

const placed = (position: number, sku: string): StoredEvent => ({
  position,
  streamId: `order-ORD-${String(position)}`,
  version: 1,
  type: 'OrderPlaced',
  data: { orderId: `ORD-${String(position)}`, lines: [{ sku, quantity: 1 }] },
  meta: {
    commandId: `c-${String(position)}`,
    commandType: 'PlaceOrder',
    correlationId: `c-${String(position)}`,
    causationId: `c-${String(position)}`,
    recordedAt: '2026-01-01T10:00:00.000Z',
    schemaVersion: 2,
  },
});

/** The worker's API called in this process, each call a promise as across a worker boundary. */
const inProcess = (api: LearnerWorkerApi): Calls<LearnerWorkerApi> =>
  new Proxy({} as Calls<LearnerWorkerApi>, {
    get:
      (_, key: keyof LearnerWorkerApi) =>
      (...args: unknown[]) =>
        Promise.resolve().then(() => (api[key] as (...a: unknown[]) => unknown)(...args)),
  });

/** A log the test appends to, a runner on it, and the workers it started. */
const setUp = (options: { stuckOnce?: boolean } = {}) => {
  const log: StoredEvent[] = [];
  const listeners = new Set<() => void>();
  const workers: { stopped: boolean }[] = [];
  let stuck = options.stuckOnce ?? false;
  const db = new LearnerCodeDb();
  const runner = createLearnerRunner({
    readPage: (from, limit) => Promise.resolve(log.slice(from - 1, from - 1 + limit)),
    head: () => log.length,
    onHead: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    startWorker: (): LearnerWorker => {
      const record = { stopped: false };
      workers.push(record);
      const calls = inProcess(createLearnerWorkerApi(db));
      const api = new Proxy(calls, {
        get: (target, key: keyof LearnerWorkerApi) =>
          key === 'apply' && stuck
            ? () => {
                stuck = false;
                return Promise.reject(new WorkerTimeoutError('Your projection', 1_000));
              }
            : target[key],
      });
      return { api, stop: () => (record.stopped = true) };
    },
  });
  const append = (...events: StoredEvent[]) => {
    log.push(...events);
    for (const listener of listeners) listener();
  };
  const settle = () =>
    expect.poll(() => runner.store.getState().status.phase).toMatch(/^(stopped|following|failed)$/);
  return { log, runner, append, workers, settle, db };
};

describe('the learner projection runner', () => {
  it('replays the whole log, page by page, into their projection', async () => {
    const { log, runner, settle } = setUp();
    const events = Array.from({ length: 2 * LEARNER_BATCH + 7 }, (_, i) =>
      placed(i + 1, i % 3 === 0 ? 'SKU-1' : 'SKU-2'),
    );
    log.push(...events);
    await runner.run(STARTER_PROJECTION);
    await settle();
    expect(runner.store.getState()).toMatchObject({
      status: { phase: 'stopped', position: events.length, head: events.length },
      state: { 'SKU-1': 169, 'SKU-2': 338 },
      hasState: true,
    });
  });

  it('follows the log: a new event is applied as it is appended', async () => {
    const { runner, append, settle } = setUp();
    append(placed(1, 'SKU-1'));
    await runner.follow(true, STARTER_PROJECTION);
    await settle();
    expect(runner.store.getState().state).toEqual({ 'SKU-1': 1 });
    append(placed(2, 'SKU-1'), placed(3, 'SKU-9'));
    await expect.poll(() => runner.store.getState().state).toEqual({ 'SKU-1': 2, 'SKU-9': 1 });
    expect(runner.store.getState().status).toEqual({ phase: 'following', position: 3, head: 3 });
  });

  it('does not apply new events when not following', async () => {
    const { runner, append, settle } = setUp();
    append(placed(1, 'SKU-1'));
    await runner.run(STARTER_PROJECTION);
    await settle();
    append(placed(2, 'SKU-1'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runner.store.getState()).toMatchObject({
      status: { phase: 'stopped', position: 1 },
      state: { 'SKU-1': 1 },
    });
  });

  it('starts again from the beginning when the log was reset under it', async () => {
    const { log, runner, append, settle } = setUp();
    append(placed(1, 'SKU-1'), placed(2, 'SKU-1'));
    await runner.follow(true, STARTER_PROJECTION);
    await settle();
    log.length = 0;
    append(placed(1, 'SKU-7'));
    await expect.poll(() => runner.store.getState().state).toEqual({ 'SKU-7': 1 });
  });

  it('replays from the start when it is asked to follow a log that moved back under it', async () => {
    const { log, runner, append, settle } = setUp();
    append(placed(1, 'SKU-1'), placed(2, 'SKU-1'));
    await runner.run(STARTER_PROJECTION);
    await settle();
    log.length = 0;
    append(placed(1, 'SKU-7'));
    await runner.follow(true, STARTER_PROJECTION);
    await settle();
    expect(runner.store.getState()).toMatchObject({
      status: { phase: 'following', position: 1 },
      state: { 'SKU-7': 1 },
      statePosition: 1,
    });
  });

  it('stops applying new events once following is turned off', async () => {
    const { runner, append, settle } = setUp();
    append(placed(1, 'SKU-1'));
    await runner.follow(true, STARTER_PROJECTION);
    await settle();
    await runner.follow(false, STARTER_PROJECTION);
    append(placed(2, 'SKU-1'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runner.store.getState()).toMatchObject({
      status: { phase: 'stopped', position: 1 },
      state: { 'SKU-1': 1 },
    });
  });

  it('stops at the event their code throws on, with its line and position', async () => {
    const { log, runner, settle } = setUp();
    log.push(placed(1, 'SKU-1'), placed(2, 'BAD'), placed(3, 'SKU-1'));
    const code = [
      'const initialState = {};',
      'function project(state, event) {',
      "  if (event.data.lines[0].sku === 'BAD') throw new Error('no bad SKUs');",
      '  return state;',
      '}',
    ].join('\n');
    await runner.run(code);
    await settle();
    expect(runner.store.getState().status).toEqual({
      phase: 'failed',
      position: 1,
      failure: { message: 'Error: no bad SKUs', line: 3, position: 2 },
    });
  });

  it('replaces a worker that took too long, and the next run works on the fresh one', async () => {
    const { log, runner, settle, workers } = setUp({ stuckOnce: true });
    log.push(placed(1, 'SKU-1'));
    await runner.run('const initialState = 0;\nfunction project(s) { while (true) {} }');
    await settle();
    const { status } = runner.store.getState();
    expect(status.phase).toBe('failed');
    if (status.phase === 'failed') expect(status.failure.message).toMatch(/endless loop/);
    expect(workers.map((w) => w.stopped)).toEqual([true, false]);
    await runner.run(STARTER_PROJECTION);
    await settle();
    expect(runner.store.getState()).toMatchObject({
      status: { phase: 'stopped', position: 1 },
      state: { 'SKU-1': 1 },
    });
  });

  it('keeps the code it ran, for the next visit', async () => {
    const { runner, settle, db } = setUp();
    await runner.run('const initialState = [];\nfunction project(s) { return s; }');
    await settle();
    expect(await runner.savedCode()).toBe(
      'const initialState = [];\nfunction project(s) { return s; }',
    );
    db.close();
  });
});

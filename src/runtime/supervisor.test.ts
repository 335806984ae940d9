import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime, RuntimeOptions } from './runtime';

/** Runtimes started by the supervisor, in order, each a fake that logs the calls it gets. */
const started: { options: RuntimeOptions; calls: string[]; runtime: Runtime }[] = [];
let nextStart: Promise<void> = Promise.resolve();

vi.mock('./runtime', () => ({
  startRuntime: async (options: RuntimeOptions) => {
    await nextStart;
    const calls: string[] = [];
    const runtime = {
      dispatch: (command: { type: string }) => {
        calls.push(`dispatch ${command.type}`);
        return Promise.resolve({ status: 'accepted' });
      },
      shutdown: () => calls.push('shutdown'),
      design: () => options.design ?? 'event-sourced',
      space: () => options.space ?? 'sandbox',
      loadScenario: async (_scenario: unknown, wanted: () => boolean = () => true) => {
        await Promise.resolve(); // its turn in the runtime's queue comes later
        if (!wanted()) return null;
        calls.push('loadScenario');
        return 0;
      },
      controls: {
        play: () => {
          calls.push('play');
          return Promise.resolve();
        },
      },
    } as unknown as Runtime;
    started.push({ options, calls, runtime });
    return runtime;
  },
}));

const { startSupervised } = await import('./supervisor');
const { useSettings } = await import('../state/settings');
const { useNotice } = await import('../state/stores');

beforeEach(() => {
  started.length = 0;
  nextStart = Promise.resolve();
});

const command = (type: string) => ({ type, data: {} }) as never;

describe('The supervisor', () => {
  it('passes calls on at once, in the order they are made', async () => {
    const runtime = await startSupervised();
    const calls = started[0]?.calls ?? [];
    void runtime.dispatch(command('First'));
    void runtime.dispatch(command('Second'));
    // Synchronously, before any await: a scenario relies on this order against the bus.
    expect(calls).toEqual(['dispatch First', 'dispatch Second']);
  });

  it('restarts behind the same object: the old workers stop, calls wait for the new ones', async () => {
    const runtime = await startSupervised();
    await runtime.controls.play();
    expect(started[0]?.calls).toEqual(['play']);
    let release: () => void = () => undefined;
    nextStart = new Promise<void>((resolve) => (release = resolve));

    started[0]?.options.restart?.();
    const during = runtime.dispatch(command('During'));
    expect(started[0]?.calls).toEqual(['play', 'shutdown']);
    release();
    await during;

    expect(started).toHaveLength(2);
    expect(started[1]?.options.resumed).toBe(true);
    expect(started[1]?.calls).toEqual(['dispatch During']);
    await runtime.controls.play(); // the controls go to the new bus
    expect(started[1]?.calls).toEqual(['dispatch During', 'play']);
  });

  it('switches design by starting every worker again in it, and remembers it for later restarts', async () => {
    const runtime = await startSupervised();
    expect(runtime.design()).toBe('event-sourced');

    await runtime.switchDesign('after-commit');

    expect(started[0]?.calls).toEqual(['shutdown']);
    expect(started[1]?.options.design).toBe('after-commit');
    expect(runtime.design()).toBe('after-commit');
    expect(useSettings.getState()).toMatchObject({ design: 'after-commit', switchingTo: null });
    // A crash's restart starts the chosen design again, not the first.
    started[1]?.options.restart?.();
    await runtime.dispatch(command('After'));
    expect(started[2]?.options.design).toBe('after-commit');
  });

  it('opens a shared session on the event-sourced design, switching back to it first', async () => {
    const runtime = await startSupervised({ design: 'one-model' });

    await runtime.loadScenario({} as never);

    expect(started[0]?.calls).toEqual(['shutdown']);
    expect(started[1]?.options).toMatchObject({ design: 'event-sourced', space: 'sandbox' });
    expect(started[1]?.calls).toEqual(['loadScenario']);
    expect(useNotice.getState().text).toMatch(
      /Shared sessions run on the design “CQRS with event sourcing”/,
    );
  });

  it('runs chapters on the lessons’ stores and finds the sandbox in the design it was left in', async () => {
    const runtime = await startSupervised({ design: 'one-model' });

    await runtime.enter('lesson');
    expect(started[1]?.options).toMatchObject({ design: 'event-sourced', space: 'lesson' });
    expect(runtime.space()).toBe('lesson');
    await runtime.enter('lesson'); // already there: nothing restarts
    expect(started).toHaveLength(2);

    await runtime.enter('sandbox');
    expect(started[2]?.options).toMatchObject({ design: 'one-model', space: 'sandbox' });
    expect(useSettings.getState()).toMatchObject({ design: 'one-model', switchingTo: null });
  });

  it('sets a chapter up only on the lessons’ stores: not in the sandbox the learner went back to', async () => {
    const runtime = await startSupervised();
    await runtime.enter('lesson');

    const scenario = runtime.loadScenario({} as never);
    await runtime.enter('sandbox');

    expect(await scenario).toBeNull();
    expect(started.flatMap((start) => start.calls)).not.toContain('loadScenario');
  });

  it('starts on the lessons’ stores when the page opens on a chapter', async () => {
    const runtime = await startSupervised({ design: 'after-commit', space: 'lesson' });
    expect(started[0]?.options).toMatchObject({ design: 'event-sourced', space: 'lesson' });
    await runtime.enter('sandbox');
    expect(started[1]?.options).toMatchObject({ design: 'after-commit', space: 'sandbox' });
  });

  it('ends in the design chosen last when choices come faster than the workers start', async () => {
    const runtime = await startSupervised();

    const first = runtime.switchDesign('one-model');
    const second = runtime.switchDesign('after-commit');
    await Promise.all([first, second]);

    expect(runtime.design()).toBe('after-commit');
    expect(started.at(-1)?.options.design).toBe('after-commit');
    expect(useSettings.getState().design).toBe('after-commit');
  });
});

describe('The supervisor, when the learner goes back and on before the workers have started', () => {
  it('sets the next chapter up on the lessons’ stores, not skipped as if it were not wanted', async () => {
    const runtime = await startSupervised();
    await runtime.enter('lesson');
    expect(await runtime.loadScenario({} as never)).toBe(0);

    // Back to the sandbox: its workers are still starting when the next chapter is opened.
    let release: () => void = () => undefined;
    nextStart = new Promise<void>((resolve) => (release = resolve));
    const back = runtime.enter('sandbox');
    const chapter = runtime.enter('lesson').then(() => runtime.loadScenario({} as never));
    const list = runtime.enter('lesson');
    nextStart = Promise.resolve();
    release();
    await Promise.all([back, list]);

    expect(await chapter).toBe(0);
    expect(runtime.space()).toBe('lesson');
    const last = started.at(-1);
    expect(last?.options.space).toBe('lesson');
    expect(last?.calls).toContain('loadScenario');
  });

  it('hands a call made meanwhile to the workers that run at the end, not to ones stopped at once', async () => {
    const runtime = await startSupervised();
    let release: () => void = () => undefined;
    nextStart = new Promise<void>((resolve) => (release = resolve));
    const chapter = runtime.enter('lesson');
    const during = runtime.dispatch(command('During'));
    const back = runtime.enter('sandbox');
    nextStart = Promise.resolve();
    release();
    await Promise.all([chapter, back, during]);

    const last = started.at(-1);
    expect(last?.options.space).toBe('sandbox');
    expect(last?.calls).toEqual(['dispatch During']);
  });
});

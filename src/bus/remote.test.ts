import { expose } from 'comlink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { remote } from './remote';

/** The other side: answers `echo` at once and never answers `hang`. */
const api = {
  echo: (text: string) => text,
  hang: (view: string) => new Promise<void>(() => undefined).then(() => view),
  progress: (report: (done: number) => void) => {
    report(1);
    return 'done';
  },
  /** Reports progress at each step the test releases (`step()`), then answers after `steps`. */
  stepped: async (steps: number, report: (done: number) => void) => {
    for (let done = 1; done <= steps; done += 1) {
      await new Promise<void>((resolve) => released.push(resolve));
      report(done);
    }
    return 'caught up';
  },
};
/** The steps `stepped` waits on, released one at a time by the test. */
const released: (() => void)[] = [];
/** Lets messages travel between the two ports: one message's trip through a channel of its own. */
const turn = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
type Api = typeof api;

const channels: MessageChannel[] = [];
const open = (options: Partial<Parameters<typeof remote<Api>>[1]> = {}) => {
  const channel = new MessageChannel();
  channels.push(channel);
  expose(api, channel.port1);
  return remote<Api>(channel.port2, { name: 'The view', timeoutMs: 50, ...options });
};

afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

describe('A remote API', () => {
  it('answers a call with what the other side returned', async () => {
    await expect(open().echo('hello')).resolves.toBe('hello');
  });

  it('sends a callback as a proxy, so the other side can call it back', async () => {
    const reports: number[] = [];
    await expect(open().progress((done) => reports.push(done))).resolves.toBe('done');
    // The callback's call travels back as a message of its own, so it may land after the answer.
    await vi.waitFor(() => expect(reports).toEqual([1]));
  });

  it('times a call given a callback from its latest report: moving on, it may take longer', async () => {
    // The limit is measured on a fake clock, moved by the test: 80 ms between reports, 400 in all,
    // against a limit of 100, however busy the machine.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const view = open({ timeoutMs: 100 });
      const reports: number[] = [];
      const call = view.stepped(5, (done) => reports.push(done));
      for (let step = 1; step <= 5; step += 1) {
        while (released.length === 0) await turn();
        released.shift()?.();
        while (reports.length < step) await turn();
        vi.advanceTimersByTime(80);
      }
      await expect(call).resolves.toBe('caught up');
    } finally {
      vi.useRealTimers();
    }
  });

  it('fails a call given a callback that stops reporting, saying so', async () => {
    const view = open({ timeoutMs: 50 });
    const silent = (view as unknown as { hang: (report: () => void) => Promise<unknown> }).hang(
      () => undefined,
    );
    await expect(silent).rejects.toThrow('The view reported no progress for 0.05 s');
  });

  it('fails a call that waits too long, naming the other side', async () => {
    await expect(open().hang('Stock levels')).rejects.toThrow(
      'The view did not answer within 0.05 s',
    );
  });

  it('names what a call waits for where the options say so, with its own limit', async () => {
    const bus = open({
      name: 'The bus',
      slowMs: { hang: 80 },
      about: { hang: (view) => view },
    });
    await expect(bus.hang('Stock levels')).rejects.toThrow(
      'Stock levels did not answer within 0.08 s',
    );
  });

  it('fails the calls in flight, and every later one, once aborted', async () => {
    const view = open({ timeoutMs: 10_000 });
    const waiting = view.hang('Stock levels');
    view.abort('Stock levels was stopped');
    await expect(waiting).rejects.toThrow('Stock levels was stopped');
    await expect(view.echo('again')).rejects.toThrow('Stock levels was stopped');
  });

  it('is not a thenable: awaiting it calls nothing', async () => {
    const view = open();
    await expect(Promise.resolve(view)).resolves.toBe(view);
  });
});

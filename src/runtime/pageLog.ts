// The page's copy of the log: read from the write worker in pages, and kept up with what other
// tabs append (their news arrives on the log channel; every view here then catches up too).
import type { TraceFrame } from '../bus/protocol';
import { receiveEvents, setRuntimeStatus } from '../state/stores';
import type { Calls, Remote } from '../bus/remote';
import type { BusWorkerApi } from '../workers/busWorkerApi';
import { openLogChannel, type LogNews } from '../eventstore/logChannel';
import type { Space } from '../eventstore/space';
import type { WriteWorkerApi } from '../workers/writeWorkerApi';

const LOG_PAGE = 5_000;

/**
 * The page's copy of the log as the runtime keeps it: how far it reaches (learned from the trace
 * as it arrives and from the pages read), and the resets the screen has taken in.
 */
export const createPageLog = () => {
  let head = 0;
  const waiting: (() => void)[] = [];
  return {
    head: () => head,
    /** Appends, step backs and resets, as the trace brings them. */
    learn: (frames: readonly TraceFrame[]) => {
      for (const frame of frames)
        if (frame.kind === 'appended') head = Math.max(head, frame.head);
        else if (frame.kind === 'unappended') head = frame.head;
        else if (frame.kind === 'reset') head = 0;
    },
    /** The screen has taken in these frames: a reset among them frees whoever waits for one. */
    shown: (frames: readonly TraceFrame[]) => {
      if (frames.some((frame) => frame.kind === 'reset'))
        for (const resume of waiting.splice(0)) resume();
    },
    /** Resolves once the screen has taken in the next reset (ask before it is sent). */
    nextResetShown: () => new Promise<void>((resolve) => waiting.push(resolve)),
    /** Reads the log from `from` on into the page, a page at a time; returns how far it reaches. */
    load: async (write: Remote<WriteWorkerApi>, from = 1) => {
      for (let fromPosition = from; ;) {
        const page = await write.readAll({ fromPosition, limit: LOG_PAGE });
        receiveEvents(page);
        const last = page.at(-1);
        if (last) head = Math.max(head, last.position);
        if (!last || page.length < LOG_PAGE) return head;
        fromPosition = last.position + 1;
      }
    },
  };
};

export type PageLog = ReturnType<typeof createPageLog>;

/**
 * Brings the page's log and every running view up to the log as stored: for appends this page's
 * bus never carried (another tab's, or a write model's that died before it could announce them).
 */
export const catchUpWithLog = async (
  log: PageLog,
  write: Remote<WriteWorkerApi>,
  bus: Calls<BusWorkerApi>,
) => {
  await log.load(write, log.head() + 1);
  await bus.catchUpViews();
};

/**
 * Listens to what other tabs do to the shared log: their appends are read into this page's log
 * and every view here catches up; a reset or replaced log asks for a reload (nothing is lost).
 * `current` names this tab's write worker as it is now (it changes when the worker restarts).
 */
export const followOtherTabs = (
  current: () => { tab: string; write: Remote<WriteWorkerApi> },
  bus: Calls<BusWorkerApi>,
  log: PageLog,
  space: Space = 'sandbox',
) => {
  const channel = openLogChannel(space);
  if (!channel) return undefined;
  let following: Promise<unknown> = Promise.resolve();
  channel.onmessage = (event: MessageEvent<LogNews>) => {
    const news = event.data;
    if (news.tab === current().tab) return;
    if (news.kind === 'rewritten') {
      setRuntimeStatus({
        phase: 'failed',
        message:
          'Another tab reset, stepped back or replaced the log. Reload this page to see the log as it is now.',
      });
      return;
    }
    following = following
      .then(async () => {
        if (news.head > log.head()) await catchUpWithLog(log, current().write, bus);
      })
      .catch(() => undefined);
  };
  return channel;
};

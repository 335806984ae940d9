// The page's copy of the log: its head and newest events, read from the write worker, and kept up
// with what other tabs append (their news arrives on the log channel; every view here then catches
// up too). The page never holds the whole log: the table reads older windows when it shows them.
import type { TraceFrame } from '../bus/protocol';
import { receiveEvents, setRuntimeStatus } from '../state/stores';
import type { Calls, Remote } from '../bus/remote';
import type { BusWorkerApi } from '../workers/busWorkerApi';
import { openLogChannel, type LogNews } from '../eventstore/logChannel';
import type { Space } from '../eventstore/space';
import type { WriteWorkerApi } from '../workers/writeWorkerApi';
import { RECENT_EVENTS } from '../state/log';

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
    /**
     * Reads the log's newest events from `from` on into the page (at most the newest it keeps,
     * whatever the log's length); returns its head.
     */
    load: async (write: Remote<WriteWorkerApi>, from = 1) => {
      const tail = await write.readTail(RECENT_EVENTS, from);
      receiveEvents(tail);
      head = Math.max(head, tail.at(-1)?.position ?? 0);
      return head;
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

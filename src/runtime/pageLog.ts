// The page's copy of the log: read from the write worker in pages, and kept up with what other
// tabs append (their news arrives on the log channel; every view here then catches up too).
import { receiveEvents, setRuntimeStatus, useLog } from '../state/stores';
import { until } from '../state/until';
import type { Calls, Remote } from '../bus/remote';
import type { BusWorkerApi } from '../workers/busWorkerApi';
import { openLogChannel, type LogNews } from '../eventstore/logChannel';
import type { WriteWorkerApi } from '../workers/writeWorkerApi';

const LOG_PAGE = 5_000;

/** Reads the log from `from` on into the page, a page at a time. */
export const loadLog = async (write: Remote<WriteWorkerApi>, from = 1) => {
  for (let fromPosition = from; ;) {
    const page = await write.readAll({ fromPosition, limit: LOG_PAGE });
    receiveEvents(page);
    const last = page.at(-1);
    if (!last || page.length < LOG_PAGE) return;
    fromPosition = last.position + 1;
  }
};

/**
 * Brings the page's log and every running view up to the log as stored: for appends this page's
 * bus never carried (another tab's, or a write model's that died before it could announce them).
 */
export const catchUpWithLog = async (write: Remote<WriteWorkerApi>, bus: Calls<BusWorkerApi>) => {
  await loadLog(write, useLog.getState().head + 1);
  await bus.catchUpViews();
};

/** Resolves once the page has taken in a reset of the log that came after `resetsBefore`. */
export const resetSeen = (resetsBefore: number) =>
  until(useLog, (log) => log.resets > resetsBefore);

/**
 * Listens to what other tabs do to the shared log: their appends are read into this page's log
 * and every view here catches up; a reset or replaced log asks for a reload (nothing is lost).
 * `current` names this tab's write worker as it is now (it changes when the worker restarts).
 */
export const followOtherTabs = (
  current: () => { tab: string; write: Remote<WriteWorkerApi> },
  bus: Calls<BusWorkerApi>,
) => {
  const channel = openLogChannel();
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
        if (news.head > useLog.getState().head) await catchUpWithLog(current().write, bus);
      })
      .catch(() => undefined);
  };
  return channel;
};

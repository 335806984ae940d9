// Auditing a race: what the log holds against what the writers were told. Pure, so the same count
// runs on fake-indexeddb in Vitest and on a real IndexedDB in Chromium.
import type { StoredEvent } from '../domain/types';
import type { CommandOutcome } from '../bus/protocol';

/** What went wrong between the writers' outcomes and the log; all zero after a sound race. */
export type Audit = {
  /** Accepted commands with an acknowledged event that is not in the log. */
  lost: number;
  /** Accepted commands with more events in the log than they were told were appended. */
  duplicated: number;
  /** Breaks in the log's positions (1, 2, 3, …) and in each stream's versions. */
  gapped: number;
  /** Events in the log from a command its writer was told was refused. */
  phantom: number;
  events: number;
};

/** Each break in a run that should go 1, 2, 3, … counts once, not every number after it. */
const breaks = (log: readonly StoredEvent[]) => {
  let positions = 0;
  let versions = 0;
  const streams = new Map<string, number>();
  log.forEach((event, i) => {
    if (event.position !== (log[i - 1]?.position ?? 0) + 1) positions += 1;
    if (event.version !== (streams.get(event.streamId) ?? 0) + 1) versions += 1;
    streams.set(event.streamId, event.version);
  });
  return positions + versions;
};

/** Audits `log` (in position order) against the outcomes of the commands raced onto it. */
export const auditLog = (
  log: readonly StoredEvent[],
  outcomes: readonly CommandOutcome[],
): Audit => {
  const stored = new Map<string, number[]>();
  for (const event of log)
    stored.set(event.meta.commandId, [...(stored.get(event.meta.commandId) ?? []), event.position]);
  let lost = 0;
  let duplicated = 0;
  let phantom = 0;
  for (const outcome of outcomes) {
    const positions = outcome.commandId === undefined ? [] : (stored.get(outcome.commandId) ?? []);
    if (outcome.status !== 'accepted') {
      if (positions.length > 0) phantom += 1;
      continue;
    }
    if (outcome.events.some((e) => !positions.includes(e.position))) lost += 1;
    if (positions.length > outcome.events.length) duplicated += 1;
  }
  return { lost, duplicated, gapped: breaks(log), phantom, events: log.length };
};

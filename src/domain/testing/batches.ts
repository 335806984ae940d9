// The property every projection must hold: applied a batch at a time, its rows equal a rebuild of
// the same prefix of the log, whatever the batch sizes.
import { expect } from 'vitest';
import { projectBatch, rebuildView, type Projection } from '../projection';
import type { DomainEvent, StoredEvent } from '../types';

/** Applies `events` in batches of `batchSizes` (cycled), comparing with a rebuild after each. */
export const expectBatchesEqualRebuilds = <R, E extends DomainEvent>(
  projection: Projection<R, E>,
  events: readonly StoredEvent[],
  batchSizes: readonly number[],
) => {
  const rows: Record<string, R | undefined> = {};
  let applied = 0;
  for (let b = 0; applied < events.length; b += 1) {
    const size = batchSizes[b % batchSizes.length] ?? 1;
    projectBatch(projection, rows, events.slice(applied, applied + size));
    applied = Math.min(events.length, applied + size);
    const incremental = Object.fromEntries(Object.entries(rows).filter(([, r]) => r));
    expect(incremental).toEqual(rebuildView(projection, events.slice(0, applied)));
  }
};

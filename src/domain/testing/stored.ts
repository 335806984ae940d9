// Turns plain events into stored ones (positions 1, 2, …) for projection specs.
import type { DomainEvent, StoredEvent } from '../types';

export const storedAll = <E extends DomainEvent>(
  events: readonly E[],
  streamOf: (e: E) => string,
) => {
  const versions = new Map<string, number>();
  return events.map((event, i): StoredEvent<E> => {
    const streamId = streamOf(event);
    const version = (versions.get(streamId) ?? 0) + 1;
    versions.set(streamId, version);
    return {
      ...event,
      position: i + 1,
      streamId,
      version,
      meta: {
        commandId: `c${i}`,
        correlationId: `c${i}`,
        causationId: `c${i}`,
        recordedAt: '2026-01-01T00:00:00.000Z',
        schemaVersion: 1,
      },
    };
  });
};

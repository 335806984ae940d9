// Turns plain events into stored ones (positions 1, 2, …; each stream's versions 1, 2, …) for specs.
import type { DomainEvent, StoredEvent } from '../types';

/** The metadata of an event appended by `commandId`, the command being its own correlation. */
export const commandMeta = (
  commandId: string,
  recordedAt = '2026-01-01T00:00:00.000Z',
  commandType = 'Test',
) => ({
  commandId,
  correlationId: commandId,
  causationId: commandId,
  recordedAt,
  schemaVersion: 2,
  commandType,
});

/** Events with the command that appended each one. */
export const storedFacts = <E extends DomainEvent>(
  facts: readonly { commandId: string; event: E }[],
  streamOf: (e: E) => string,
  recordedAt: (i: number) => string = () => '2026-01-01T00:00:00.000Z',
) => {
  const versions = new Map<string, number>();
  return facts.map(({ commandId, event }, i): StoredEvent<E> => {
    const streamId = streamOf(event);
    const version = (versions.get(streamId) ?? 0) + 1;
    versions.set(streamId, version);
    return {
      ...event,
      position: i + 1,
      streamId,
      version,
      meta: commandMeta(commandId, recordedAt(i)),
    };
  });
};

/** Each event appended by a command of its own. */
export const storedAll = <E extends DomainEvent>(
  events: readonly E[],
  streamOf: (e: E) => string,
) =>
  storedFacts(
    events.map((event, i) => ({ commandId: `c${String(i)}`, event })),
    streamOf,
  );

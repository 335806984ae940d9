// Builders for lesson specs: an observation with empty defaults, and a bare stored event.
import type { StoredEvent } from '../../domain/types';
import type { Observation } from '../types';

export const observation = (over: Partial<Observation> = {}): Observation => ({
  events: [],
  head: 0,
  views: {},
  delivered: [],
  selectedEvent: null,
  timeTravel: null,
  activity: [],
  ...over,
});

export const event = (
  position: number,
  type: string,
  streamId = 'product-SKU-1',
  version = 1,
): StoredEvent => ({
  type,
  data: {},
  position,
  streamId,
  version,
  meta: {
    commandId: `c${position}`,
    correlationId: `c${position}`,
    causationId: `c${position}`,
    recordedAt: '2026-01-01T00:00:00.000Z',
    schemaVersion: 2,
    commandType: 'Test',
  },
});

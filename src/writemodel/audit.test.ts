import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../domain/types';
import { commandMeta } from '../domain/testing/stored';
import { auditLog } from './audit';
import type { CommandOutcome } from '../bus/protocol';

const stored = (
  position: number,
  streamId: string,
  version: number,
  commandId: string,
): StoredEvent => ({
  type: 'OrderPlaced',
  data: {},
  position,
  streamId,
  version,
  meta: commandMeta(commandId),
});

const accepted = (commandId: string, events: StoredEvent[]): CommandOutcome => ({
  status: 'accepted',
  commandId,
  events,
  duplicate: false,
});
const refused = (commandId: string): CommandOutcome => ({
  status: 'rejected',
  commandId,
  reason: 'product-SKU-1 changed since it was read',
});

// Two commands, one event each, in two streams, and a third that was refused.
const first = stored(1, 'order-A', 1, 'cmd-A');
const second = stored(2, 'order-B', 1, 'cmd-B');
const outcomes = [accepted('cmd-A', [first]), accepted('cmd-B', [second]), refused('cmd-C')];
const clean = { lost: 0, duplicated: 0, gapped: 0, phantom: 0 };

describe('Auditing a race', () => {
  it('finds nothing wrong with a log that holds exactly what was acknowledged', () =>
    expect(auditLog([first, second], outcomes)).toEqual({ ...clean, events: 2 }));

  it('counts an acknowledged event the log does not hold as lost', () =>
    expect(auditLog([first], outcomes)).toMatchObject({ lost: 1, duplicated: 0, gapped: 0 }));

  it('counts a command whose events the log holds twice as duplicated', () =>
    expect(auditLog([first, second, stored(3, 'order-B', 2, 'cmd-B')], outcomes)).toMatchObject({
      lost: 0,
      duplicated: 1,
      gapped: 0,
    }));

  it('counts a hole in the positions once, not once for every event after it', () =>
    expect(
      auditLog(
        [first, stored(3, 'order-B', 1, 'cmd-B'), stored(4, 'order-B', 2, 'cmd-D')],
        [accepted('cmd-A', [first])],
      ),
    ).toMatchObject({ lost: 0, duplicated: 0, gapped: 1 }));

  it('counts a hole in a stream’s versions', () =>
    expect(auditLog([first, stored(2, 'order-A', 3, 'cmd-B')], [])).toMatchObject({ gapped: 1 }));

  it('counts events of a command its writer was told was refused as phantom', () =>
    expect(auditLog([first, second, stored(3, 'order-C', 1, 'cmd-C')], outcomes)).toEqual({
      ...clean,
      phantom: 1,
      events: 3,
    }));
});

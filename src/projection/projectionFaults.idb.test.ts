// Every read view, whatever the bus does to its mail (drops, duplicates, reorders) and however often
// its worker is killed and restarted, ends equal to a rebuild from position 0, and its rows always
// match its checkpoint.
import Dexie from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventsDelivery } from '../bus/protocol';
import { labDomain, type LabCommand } from '../domain/lab';
import { rebuildView } from '../domain/projection';
import { DomainError, type StoredEvent } from '../domain/types';
import { projections, VIEW_NAMES } from '../domain/views';
import { appendBatch, EventStoreDb, readAll } from '../eventstore';
import { ReadStoreDb, readAllRows, readCheckpoint } from '../readstore/readStoreDb';
import { createProjectionHost } from './projectionHost';

const meta = (n: number) => ({ commandId: `c${n}`, issuedAt: `2026-01-01T10:0${n % 6}:00.000Z` });
const skus = ['A', 'B'];
const money = fc.integer({ min: 1, max: 5000 }).map((c) => c / 100);
const orderId = fc.integer({ min: 1, max: 4 }).map((n) => `O${n}`);

const command: fc.Arbitrary<Omit<LabCommand, 'meta'>> = fc.oneof(
  fc
    .record({ sku: fc.constantFrom(...skus), stock: fc.integer({ min: 1, max: 9 }) })
    .map(({ sku, stock }) => ({
      type: 'AddProduct' as const,
      data: { sku, name: `Mug ${sku}`, price: 2.5, stock },
    })),
  fc
    .record({ sku: fc.constantFrom(...skus), price: money })
    .map((data) => ({ type: 'ChangePrice' as const, data })),
  fc
    .record({ orderId, sku: fc.constantFrom(...skus), quantity: fc.integer({ min: 1, max: 3 }) })
    .map(({ orderId: id, sku, quantity }) => ({
      type: 'PlaceOrder' as const,
      data: { orderId: id, lines: [{ sku, quantity }] },
    })),
  fc
    .record({
      type: fc.constantFrom('PayOrder' as const, 'ShipOrder' as const, 'CancelOrder' as const),
      orderId,
    })
    .map(({ type, orderId: id }) => ({ type, data: { orderId: id } })),
  fc
    .constantFrom('X', 'Y')
    .map((accountId) => ({ type: 'OpenAccount' as const, data: { accountId, owner: 'o' } })),
  fc
    .record({ accountId: fc.constantFrom('X', 'Y'), amount: money })
    .map((data) => ({ type: 'Deposit' as const, data })),
  fc
    .record({ from: fc.constantFrom('X', 'Y'), to: fc.constantFrom('X', 'Y'), amount: money })
    .map((d) => ({ type: 'Transfer' as const, data: { ...d, transferId: 'T' } })),
);

/** What happens to each appended batch's delivery, and whether the worker dies after it. */
const fate = fc.record({
  copies: fc.integer({ min: 0, max: 2 }),
  delay: fc.integer({ min: 0, max: 3 }),
  killAfter: fc.boolean(),
});

const scenario = fc.record({
  view: fc.constantFrom(...VIEW_NAMES),
  steps: fc.array(fc.tuple(command, fate), { minLength: 1, maxLength: 12 }),
});

/** Appends one command's events the way the write model would (decided on the log so far). */
const appendCommand = async (db: EventStoreDb, input: Omit<LabCommand, 'meta'>, n: number) => {
  const events = await readAll(db, { fromPosition: 1, limit: 100_000 });
  const state = events.reduce((s, e) => labDomain.evolve(s, e as never), labDomain.initialState());
  const versions = new Map(events.map((e) => [e.streamId, e.version]));
  const command = { ...input, meta: meta(n) } as LabCommand;
  let decided;
  try {
    decided = labDomain.decide(command, state);
  } catch (error) {
    if (error instanceof DomainError) return [];
    throw error;
  }
  const byStream = new Map<string, typeof decided>();
  for (const e of decided)
    byStream.set(labDomain.streamOf(e), [...(byStream.get(labDomain.streamOf(e)) ?? []), e]);
  const [result] = await appendBatch(
    db,
    [command.meta.commandId],
    () => [
      {
        commandId: command.meta.commandId,
        commandType: command.type,
        kind: 'append',
        streams: [...byStream].map(([streamId, streamEvents]) => ({
          streamId,
          expectedVersion: versions.get(streamId) ?? 'no-stream',
          events: streamEvents,
        })),
      },
    ],
    '2026-01-01T10:00:00.000Z',
  );
  return result?.kind === 'appended' ? result.events : [];
};

const viewOf = async (readDb: ReadStoreDb) =>
  Object.fromEntries((await readAllRows(readDb)).map((row) => [row.key, row.value]));

describe('Read views under faults', () => {
  it('end equal to a rebuild, with rows matching their checkpoint at every step', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ view, steps }) => {
        const id = crypto.randomUUID();
        const eventDb = new EventStoreDb(`faults-events-${id}`);
        const readName = `faults-read-${id}`;
        let readDb = new ReadStoreDb(readName);
        const projection = projections[view];
        const newHost = () =>
          createProjectionHost({ projection, readDb, eventDb, trace: () => undefined });
        let host = newHost();
        const log: StoredEvent[] = [];
        const inbox: { due: number; delivery: EventsDelivery }[] = [];
        const expectConsistent = async () => {
          const checkpoint = await readCheckpoint(readDb);
          expect(await viewOf(readDb)).toEqual(rebuildView(projection, log.slice(0, checkpoint)));
        };
        try {
          await host.start();
          for (const [i, [input, { copies, delay, killAfter }]] of steps.entries()) {
            const events = await appendCommand(eventDb, input, i);
            log.push(...events);
            const head = log.length;
            for (let c = 0; c < copies; c += 1)
              inbox.push({ due: i + delay + c, delivery: { kind: 'events', events, head } });
            inbox.sort((a, b) => a.due - b.due);
            while (inbox[0] && inbox[0].due <= i) {
              const next = inbox.shift();
              if (next) await host.apply(next.delivery);
              await expectConsistent();
            }
            if (killAfter) {
              readDb.close();
              readDb = new ReadStoreDb(readName);
              host = newHost();
              await host.start();
              await expectConsistent();
            }
          }
          // Whatever was lost, the next start (or any later delivery) catches up from the store.
          for (const { delivery } of inbox) await host.apply(delivery);
          readDb.close();
          readDb = new ReadStoreDb(readName);
          host = newHost();
          await host.start();
          expect(await readCheckpoint(readDb)).toBe(log.length);
          expect(await viewOf(readDb)).toEqual(rebuildView(projection, log));
        } finally {
          readDb.close();
          eventDb.close();
          await Dexie.delete(readName);
          await Dexie.delete(eventDb.name);
        }
      }),
      { numRuns: 1000 },
    );
  }, 120_000);
});

// The process manager under any schedule of orders, payments and a clock, with a bus that drops,
// duplicates and reorders its news and a manager killed and restarted between any two steps: once
// the system runs on without faults, every accepted order ends reserved-and-paid or
// cancelled-and-released, no stock is oversold, and every command the manager sends keeps one id.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandIdOf, type Envelope } from './processManager';
import {
  createSimulation,
  type Action,
  type BusFault,
  type Simulation,
} from './testing/simulation';

const SKUS = ['SKU-1', 'SKU-2'];

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('place' as const),
      sku: fc.constantFrom(...SKUS),
      quantity: fc.integer({ min: 1, max: 4 }),
      amountCents: fc.integer({ min: 100, max: 10_000 }),
    }),
    weight: 3,
  },
  { arbitrary: fc.constant({ kind: 'deliver' as const }), weight: 6 },
  { arbitrary: fc.constant({ kind: 'persist' as const }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'send' as const }), weight: 5 },
  { arbitrary: fc.constant({ kind: 'kill' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'restart' as const }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('tick' as const),
      ms: fc.integer({ min: 0, max: 12_000 }),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('provide' as const),
      pick: fc.nat(20),
      paid: fc.boolean(),
    }),
    weight: 2,
  },
);

const fault: fc.Arbitrary<BusFault> = fc.record({
  fault: fc.constantFrom('none', 'none', 'drop', 'duplicate', 'reorder'),
  at: fc.nat(10),
});

const world = fc.record({
  stock: fc.record({
    'SKU-1': fc.integer({ min: 0, max: 8 }),
    'SKU-2': fc.integer({ min: 0, max: 8 }),
  }),
  faults: fc.array(fault, { maxLength: 120, size: 'max' }),
  actions: fc.array(action, { minLength: 5, maxLength: 80, size: 'max' }),
});

type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

const run = ({ stock, faults, actions }: World) => {
  const sim = createSimulation(stock, faults);
  actions.forEach(sim.step);
  return { sim, quiet: sim.drain() };
};

/** What the log says became of each order: its last order event, and whether stock is held for it. */
const outcomes = (sim: Simulation) => {
  const placed = sim
    .log()
    .flatMap(({ event }) => (event.type === 'OrderPlaced' ? [event.orderId] : []));
  return placed.map((orderId) => {
    const order = sim.streams().get(`order-${orderId}`)?.order.phase;
    const payment = sim.streams().get(`payment-${orderId}`)?.payment.phase ?? 'none';
    const held = [...sim.streams().values()].some((s) => orderId in s.stock.reservations);
    return { orderId, order, payment, held };
  });
};

/** The ids each of the manager's intents was sent with, and the commands each id was sent with. */
const idsOf = (received: readonly Envelope[]) => {
  const byIntent = new Map<string, Set<string>>();
  const byId = new Map<string, Set<string>>();
  for (const { commandId, command } of received.filter((e) => e.commandId.startsWith('pm-'))) {
    const intent = `${command.type} ${'orderId' in command ? command.orderId : ''}`;
    byIntent.set(intent, (byIntent.get(intent) ?? new Set()).add(commandId));
    byId.set(commandId, (byId.get(commandId) ?? new Set()).add(JSON.stringify(command)));
  }
  return { byIntent, byId };
};

describe('The fulfilment process manager, under drops, duplicates, reorders and kills', () => {
  it('ends every accepted order reserved-and-paid or cancelled-and-released', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { sim, quiet } = run(w);
        expect(quiet).toBe(true);
        for (const { orderId, order, payment, held } of outcomes(sim)) {
          const paidAndHeld = order === 'confirmed' && payment === 'succeeded' && held;
          const cancelledAndReleased = order === 'cancelled' && !held;
          expect(
            paidAndHeld || cancelledAndReleased,
            `${orderId}: ${String(order)}, ${payment}`,
          ).toBe(true);
        }
        for (const sku of SKUS) expect(sim.available(sku)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('sends each of its commands under one id, and each effect lands once', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { sim } = run(w);
        const { byIntent, byId } = idsOf(sim.received());
        for (const [intent, ids] of byIntent) expect([...ids], intent).toHaveLength(1);
        for (const [id, commands] of byId) expect([...commands], id).toHaveLength(1);
        // However often a command was sent again, the log holds its effect once.
        const seen = new Set<string>();
        for (const { event } of sim.log()) {
          if (event.type === 'StockAdded') continue;
          const key = `${event.type} ${event.orderId}`;
          expect(seen.has(key), key).toBe(false);
          seen.add(key);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('sends a command again after a kill, with the id it had, and the write model applies it once', () => {
    const sim = createSimulation({ 'SKU-1': 5 });
    sim.step({ kind: 'place', sku: 'SKU-1', quantity: 2, amountCents: 2500 });
    sim.step({ kind: 'deliver' });
    sim.step({ kind: 'persist' });
    // Sent, but killed before the acknowledgement was saved: the saved outbox still holds it.
    sim.step({ kind: 'send' });
    sim.step({ kind: 'kill' });
    sim.step({ kind: 'restart' });
    sim.step({ kind: 'send' });
    const reserve = sim.received().filter((e) => e.commandId === commandIdOf('ORD-1', 'reserve'));
    expect(reserve).toHaveLength(2);
    expect(sim.log().filter(({ event }) => event.type === 'StockReserved')).toHaveLength(1);
    expect(sim.available('SKU-1')).toBe(3);
  });

  it('compensates a payment that never comes: it expires, the stock is released, the order cancelled', () => {
    const sim = createSimulation({ 'SKU-1': 5 });
    sim.step({ kind: 'place', sku: 'SKU-1', quantity: 2, amountCents: 2500 });
    expect(sim.drain()).toBe(true);
    const types = sim.log().map(({ event }) => event.type);
    expect(types).toEqual([
      'StockAdded',
      'OrderPlaced',
      'StockReserved',
      'PaymentRequested',
      'PaymentExpired',
      'StockReleased',
      'OrderCancelled',
    ]);
    expect(sim.available('SKU-1')).toBe(5);
  });
});

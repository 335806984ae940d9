// Shared setup for the write model tests: a write model with the real shop rules on an in-memory
// IndexedDB log, and builders for the commands it is sent, so each test file sets up the same way.
import { vi } from 'vitest';
import type { CommandOutcome, EventsDelivery } from '../../bus/protocol';
import { shopCommandSchema, type ShopCommand } from '../../domain/shop/commands';
import { shopDomain } from '../../domain/shop/shop.decider';
import { EventStoreDb } from '../../eventstore';
import { createWriteModel } from '../writeModel';

export const NOW = '2025-03-01T10:00:00.000Z';
export const ISSUED_AT = '2025-03-01T09:59:59.000Z';

const openDbs: EventStoreDb[] = [];

/** Closes every store a test opened, then deletes it; run it after each test. */
export const closeAllDbs = async () => {
  const names = new Set(openDbs.map((db) => db.name));
  for (const db of openDbs.splice(0)) db.close();
  for (const name of names) await new EventStoreDb(name).delete();
};

/** A write model as the write worker builds it, on its own connection to `name` (one per tab). */
export const shop = (name = `test-${crypto.randomUUID()}`) => {
  const db = new EventStoreDb(name);
  openDbs.push(db);
  const publish = vi.fn<(delivery: EventsDelivery) => void>();
  const model = createWriteModel({
    db,
    domain: shopDomain,
    schema: shopCommandSchema,
    now: () => NOW,
    publish,
  });
  /** Dispatches commands one after another, then forgets what was published so far. */
  const given = async (...commands: ShopCommand[]) => {
    for (const command of commands) {
      const outcome = await model.dispatch(command);
      if (outcome.status !== 'accepted') throw new Error(`Given command failed: ${outcome.status}`);
    }
    publish.mockClear();
  };
  return { db, model, publish, dispatch: model.dispatch, given };
};

let commandCount = 0;
const nextCommandId = () => {
  commandCount += 1;
  return `cmd-${commandCount}`;
};

export const addProduct = (
  sku: string,
  { stock = 10, price = 2.5, name = `Product ${sku}` } = {},
  commandId = nextCommandId(),
): ShopCommand => ({
  type: 'AddProduct',
  data: { sku, name, price, stock },
  meta: { commandId, issuedAt: ISSUED_AT },
});

export const placeOrder = (
  orderId: string,
  lines: { sku: string; quantity: number }[],
  commandId = nextCommandId(),
): ShopCommand => ({
  type: 'PlaceOrder',
  data: { orderId, lines },
  meta: { commandId, issuedAt: ISSUED_AT },
});

export const expectAccepted = (outcome: CommandOutcome) => {
  if (outcome.status !== 'accepted') throw new Error(`Expected accepted, got ${outcome.status}`);
  return outcome;
};

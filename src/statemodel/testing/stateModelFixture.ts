// Shared setup for the state-model tests: stores of their own, deleted after each test, the shop's
// commands as a clerk would send them, and queueing helpers.
import Dexie from 'dexie';
import type { LabCommand } from '../../domain/lab';
import {
  createStateModel,
  type StateAnswer,
  type StateModelDeps,
  type StateOp,
} from '../stateModel';
import { StateModelDb } from '../stateModelDb';

const ISSUED_AT = '2025-03-01T09:59:59.000Z';

const openDbs: Dexie[] = [];

/** Remembers a connection so closeAll closes it and deletes its database. */
export const track = <D extends Dexie>(db: D): D => {
  openDbs.push(db);
  return db;
};

/** Closes every tracked connection, then deletes their databases; run it after each test. */
export const closeAll = async () => {
  const dbs = openDbs.splice(0);
  const names = new Set(dbs.map((db) => db.name));
  for (const db of dbs) db.close();
  for (const name of names) await Dexie.delete(name);
};

/** A state model in `mode` on a database of its own. */
export const stateModelOn = (
  mode: StateModelDeps['mode'],
  deps: Omit<StateModelDeps, 'db' | 'mode'> = {},
) => {
  const db = track(new StateModelDb(`test-state-${crypto.randomUUID()}`));
  return { db, model: createStateModel({ db, mode, ...deps }) };
};

export type Model = ReturnType<typeof createStateModel>;

let commandCount = 0;
const meta = () => {
  commandCount += 1;
  return { commandId: `cmd-${commandCount}`, issuedAt: ISSUED_AT };
};

export const addProduct = (
  sku: string,
  stock: number,
  { name = `Product ${sku}`, price = 2.5 }: { name?: string; price?: number } = {},
): LabCommand => ({
  type: 'AddProduct',
  data: { sku, name, price, stock },
  meta: meta(),
});
export const placeOrder = (orderId: string, sku: string, quantity: number): LabCommand => ({
  type: 'PlaceOrder',
  data: { orderId, lines: [{ sku, quantity }] },
  meta: meta(),
});
export const restock = (sku: string, quantity: number): LabCommand => ({
  type: 'Restock',
  data: { sku, quantity },
  meta: meta(),
});

export const write = (command: unknown): StateOp => ({ kind: 'write', command });
export const read = (sku: string): StateOp => ({ kind: 'read', sku });

/** The stock a read answered with; fails if the answer is not a read's. */
export const availableIn = (answer: StateAnswer | undefined): number | null => {
  if (answer?.kind !== 'read') throw new Error(`Expected a read answer, got ${answer?.kind}`);
  return answer.available;
};

/** Queues every op at once (nothing awaited in between) and waits for all the answers. */
export const queueAll = (model: Model, ops: readonly StateOp[]) =>
  Promise.all(ops.map((op) => model.handle(op)));

/** An accepted write whose last event took `position`. */
export const acceptedAt = (position: number) => ({ kind: 'write', ok: true, position }) as const;
/** A read's answer. */
export const stock = (available: number | null, asOfPosition: number) =>
  ({ kind: 'read', available, asOfPosition }) as const;

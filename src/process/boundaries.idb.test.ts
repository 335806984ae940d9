// The same workload with two consistency boundaries, on real (in-memory) IndexedDB: four desks
// placing 40 orders of 1 unit against 30. Together, they contend for the stock's stream and 10
// orders are refused at once; apart, none contend, all 40 are accepted, and the process manager
// then reserves 30 and cancels 10 that were accepted with no stock behind them.
import { describe, expect, it } from 'vitest';
import { EventStoreDb, readLog } from '../eventstore';
import { toLogged } from './fulfilmentLog';
import { createFulfilmentService } from './fulfilmentService';
import { createManagerService } from './managerService';
import { createDesk, prepareTogether } from './boundaries';
import { ordersOfDesk, windowsOf, WORKLOAD, type Boundary } from './workload';
import { processDatabasesPerTest } from './testing/databases';

const databases = processDatabasesPerTest();

const setUp = async () => {
  const { log: apart, managerDb } = databases();
  const together = new EventStoreDb(`test-together-${crypto.randomUUID()}`);
  const service = createFulfilmentService(apart);
  await service.addStock(WORKLOAD.sku, WORKLOAD.stock, 'stock');
  await prepareTogether(together);
  const desks = Array.from({ length: WORKLOAD.desks }, () =>
    createDesk({
      together,
      apart,
      think: () => new Promise((resolve) => setTimeout(resolve, 5)),
      told: () => undefined,
    }),
  );
  const runAll = async (boundary: Boundary) => {
    const reports = await Promise.all(desks.map((desk, i) => desk.run(boundary, ordersOfDesk(i))));
    return reports.reduce((sum, r) => ({
      accepted: sum.accepted + r.accepted,
      refused: sum.refused + r.refused,
      conflicts: sum.conflicts + r.conflicts,
    }));
  };
  const cleanUp = async () => {
    together.close();
    await together.delete();
  };
  return { apart, together, service, managerDb, runAll, cleanUp };
};

describe('The same orders with two consistency boundaries', () => {
  it('together: desks contend for the stock’s stream, 30 are accepted with their stock and 10 refused at once', async () => {
    const { together, runAll, cleanUp } = await setUp();
    const report = await runAll('together');
    expect(report.accepted).toBe(WORKLOAD.stock);
    expect(report.refused).toBe(WORKLOAD.desks * WORKLOAD.ordersPerDesk - WORKLOAD.stock);
    // All four desks read the stock before any of them appended: three of the first appends conflict.
    expect(report.conflicts).toBeGreaterThanOrEqual(WORKLOAD.desks - 1);
    const types = (await readLog(together)).map((e) => e.type);
    expect(types.filter((t) => t === 'StockReserved')).toHaveLength(WORKLOAD.stock);
    expect(types.filter((t) => t === 'OrderPlaced')).toHaveLength(WORKLOAD.stock);
    await cleanUp();
  });

  it('apart: no desk conflicts and all 40 are accepted; the process manager reserves 30 and cancels 10', async () => {
    const { apart, service, managerDb, runAll, cleanUp } = await setUp();
    const report = await runAll('apart');
    expect(report).toEqual({ accepted: 40, refused: 0, conflicts: 0 });
    await createManagerService(managerDb, service).run();
    const orders = await service.orders();
    expect(orders.filter((o) => o.stock === 'held')).toHaveLength(WORKLOAD.stock);
    const cancelled = orders.filter((o) => o.order === 'cancelled');
    expect(cancelled).toHaveLength(10);
    expect(cancelled.every((o) => o.stock === 'refused')).toBe(true);
    const windows = windowsOf((await readLog(apart)).map(toLogged));
    expect(windows).toHaveLength(40);
    expect(windows.filter((w) => w.outcome === 'refused')).toHaveLength(10);
    expect(windows.every((w) => w.ms >= 0 && w.events >= 0)).toBe(true);
    await cleanUp();
  });
});

describe('The window in which an order and its stock disagree', () => {
  it('runs from OrderPlaced to the stock’s answer, counting the events between', () => {
    const at = (position: number, ms: number, event: object) => ({
      position,
      at: ms,
      event: event as never,
    });
    expect(
      windowsOf([
        at(1, 0, { type: 'OrderPlaced', orderId: 'ORD-1' }),
        at(2, 5, { type: 'OrderPlaced', orderId: 'ORD-2' }),
        at(3, 40, { type: 'StockReserved', orderId: 'ORD-2' }),
        at(4, 90, { type: 'ReservationRefused', orderId: 'ORD-1' }),
        at(5, 95, { type: 'StockReserved', orderId: 'ORD-9' }),
      ]),
    ).toEqual([
      { orderId: 'ORD-2', ms: 35, events: 0, outcome: 'reserved' },
      { orderId: 'ORD-1', ms: 90, events: 2, outcome: 'refused' },
    ]);
  });
});

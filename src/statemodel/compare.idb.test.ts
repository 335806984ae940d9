// Chapters 10 and 11's comparison worker, each design on real (in-memory) IndexedDB stores: every
// design acknowledging writes with the position of their last event and answering reads with the
// position they are up to date with; the asynchronous designs feeding their view over a
// MessagePort and hearing back what it applied; every run starting empty; and a worker refusing a
// part it was not started as.
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCompareApi, type CompareReadAnswer } from './compare';
import { DESIGN_IDS, type DesignId } from './designs';

// The comparison's own databases, fixed by compare.ts: the tests in this file run one at a time.
const DATABASES = ['cqrs-lab-compare-events', 'cqrs-lab-compare-state', 'cqrs-lab-compare-read'];
const ISSUED_AT = '2025-03-01T09:59:59.000Z';

const openPorts: MessagePort[] = [];

afterEach(async () => {
  for (const port of openPorts.splice(0)) port.close();
  // The apis keep their connections to themselves: Dexie closes them when the delete asks it to,
  // and says so on console.warn. That notice is expected here, so only it is kept quiet.
  const warn = console.warn.bind(console);
  const quiet = vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).startsWith('Another connection wants to delete database')) warn(...args);
  });
  try {
    for (const name of DATABASES) await Dexie.delete(name);
  } finally {
    quiet.mockRestore();
  }
});

let commandCount = 0;
const meta = () => {
  commandCount += 1;
  return { commandId: `cmd-${commandCount}`, issuedAt: ISSUED_AT };
};

const addProduct = (sku: string, stock: number) => ({
  type: 'AddProduct',
  data: { sku, name: `Product ${sku}`, price: 2.5, stock },
  meta: meta(),
});
const placeOrder = (orderId: string, lines: { sku: string; quantity: number }[]) => ({
  type: 'PlaceOrder',
  data: { orderId, lines },
  meta: meta(),
});

type Api = ReturnType<typeof createCompareApi>;

/** A design as the page starts it: a write side and (except for one model) a read side. */
const start = async (design: DesignId): Promise<{ writeSide: Api; readSide: Api }> => {
  const writeSide = createCompareApi();
  if (design === 'one-model') {
    await writeSide.startWrite(design);
    return { writeSide, readSide: writeSide };
  }
  const readSide = createCompareApi();
  const channel = new MessageChannel();
  openPorts.push(channel.port1, channel.port2);
  await writeSide.startWrite(design, channel.port1);
  await readSide.startRead(design, channel.port2);
  return { writeSide, readSide };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asks the read side until it has caught up with `position` (or about a second has passed). */
const readOnceAt = async (readSide: Api, sku: string, position: number) => {
  const deadline = Date.now() + 1_000;
  for (;;) {
    const answer: CompareReadAnswer = await readSide.read(sku);
    if (answer.asOfPosition >= position || Date.now() > deadline) return answer;
    await sleep(10);
  }
};

describe('Compare worker', () => {
  describe.each(DESIGN_IDS)('In the design %s', (design) => {
    it('acknowledges each write with the position of its last event', async () => {
      const { writeSide } = await start(design);

      expect(await writeSide.write(addProduct('SKU-1', 5))).toEqual({ ok: true, position: 1 });
      expect(await writeSide.write(addProduct('SKU-2', 5))).toEqual({ ok: true, position: 2 });
      // OrderPlaced at 3, then one StockReserved per line at 4 and 5.
      expect(
        await writeSide.write(
          placeOrder('ORD-1', [
            { sku: 'SKU-1', quantity: 2 },
            { sku: 'SKU-2', quantity: 1 },
          ]),
        ),
      ).toEqual({ ok: true, position: 5 });
    });

    it('answers a read with the stock after the order, as of its position', async () => {
      const { writeSide, readSide } = await start(design);
      await writeSide.write(addProduct('SKU-1', 5));

      expect(await writeSide.write(placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 2 }]))).toEqual({
        ok: true,
        position: 3,
      });

      expect(await readOnceAt(readSide, 'SKU-1', 3)).toEqual({ available: 3, asOfPosition: 3 });
      expect(await readOnceAt(readSide, 'SKU-404', 3)).toEqual({
        available: null,
        asOfPosition: 3,
      });
    });

    it('refuses a write with the reason, and the stock stays', async () => {
      const { writeSide, readSide } = await start(design);
      await writeSide.write(addProduct('SKU-1', 5));

      expect(await writeSide.write(placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 6 }]))).toEqual({
        ok: false,
        reason: 'Not enough stock for SKU-1: 5 available, 6 requested',
      });
      expect(await writeSide.write(placeOrder('ORD-2', [{ sku: 'SKU-1', quantity: -1 }]))).toEqual({
        ok: false,
        reason: expect.stringContaining('Quantity must be at least 1') as string,
      });

      // The refused ones took no positions: the next order's events take 2 and 3.
      expect(await writeSide.write(placeOrder('ORD-3', [{ sku: 'SKU-1', quantity: 1 }]))).toEqual({
        ok: true,
        position: 3,
      });
      expect(await readOnceAt(readSide, 'SKU-1', 3)).toEqual({ available: 4, asOfPosition: 3 });
    });

    it('starts a new run from empty stores', async () => {
      const first = await start(design);
      await first.writeSide.write(addProduct('SKU-1', 5));
      await first.writeSide.write(placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 1 }]));
      await readOnceAt(first.readSide, 'SKU-1', 3);
      for (const port of openPorts.splice(0)) port.close();

      const { writeSide, readSide } = await start(design);

      expect(await readSide.read('SKU-1')).toEqual({ available: null, asOfPosition: 0 });
      expect(await writeSide.write(addProduct('SKU-1', 7))).toEqual({ ok: true, position: 1 });
      expect(await readOnceAt(readSide, 'SKU-1', 1)).toEqual({ available: 7, asOfPosition: 1 });
    });
  });

  describe('When the view is kept in the same transaction', () => {
    it('answers a read sent after the acknowledgement with that write, every time', async () => {
      const { writeSide, readSide } = await start('same-transaction');
      await writeSide.write(addProduct('SKU-1', 50));

      for (let i = 1; i <= 10; i += 1) {
        const ack = await writeSide.write(placeOrder(`ORD-${i}`, [{ sku: 'SKU-1', quantity: 1 }]));
        expect(await readSide.read('SKU-1')).toEqual({
          available: 50 - i,
          asOfPosition: ack.ok ? ack.position : -1,
        });
      }
    });
  });

  describe('When the one-model design takes writes and reads together', () => {
    it('answers them in one place, in the order they were sent', async () => {
      const { writeSide } = await start('one-model');

      const answers = await Promise.all([
        writeSide.write(addProduct('SKU-1', 5)),
        writeSide.read('SKU-1'),
        writeSide.write(placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 2 }])),
        writeSide.read('SKU-1'),
      ]);

      expect(answers).toEqual([
        { ok: true, position: 1 },
        { available: 5, asOfPosition: 1 },
        { ok: true, position: 3 },
        { available: 3, asOfPosition: 3 },
      ]);
    });
  });

  describe('When asked for a part it was not started as', () => {
    it('refuses a write on a read side, and a read on a write side that has its own view', async () => {
      const { writeSide, readSide } = await start('after-commit');

      expect(() => readSide.write(addProduct('SKU-1', 5))).toThrow(
        'This worker is not a write side',
      );
      expect(() => writeSide.read('SKU-1')).toThrow('This worker is not a read side');
    });

    it('refuses to start a read side for the one-model design, and an async side without a port', async () => {
      const api = createCompareApi();

      await expect(api.startRead('one-model')).rejects.toThrow(
        'The one-model design reads from its write side',
      );
      await expect(api.startRead('after-commit')).rejects.toThrow(
        'An asynchronous view needs a port from its write side',
      );
      await expect(api.startWrite('event-sourced')).rejects.toThrow(
        'The event-sourced write side needs a port to its view',
      );
    });
  });
});

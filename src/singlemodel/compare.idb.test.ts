// Chapter 10's comparison worker, each part on real (in-memory) IndexedDB stores: the split design's
// write side acknowledging with log positions and feeding its read side (Stock levels) over a
// MessagePort, the single model answering in one place, and a worker refusing a part it was not
// started as.
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCompareApi, type SplitReadAnswer } from './compare';

// The comparison's own databases, fixed by compare.ts: the tests in this file run one at a time.
const DATABASES = ['cqrs-lab-compare-events', 'cqrs-lab-compare-read', 'cqrs-lab-single'];
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

/** The split design as the page starts it: a write-side worker feeding a read-side worker. */
const startSplit = async () => {
  const channel = new MessageChannel();
  openPorts.push(channel.port1, channel.port2);
  const writeSide = createCompareApi();
  const readSide = createCompareApi();
  await Promise.all([
    writeSide.startSplitWrite(channel.port1),
    readSide.startSplitRead(channel.port2),
  ]);
  return { writeSide, readSide };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asks the read side until it has caught up with `position` (or about a second has passed). */
const readOnceAt = async (
  readSide: ReturnType<typeof createCompareApi>,
  sku: string,
  position: number,
): Promise<SplitReadAnswer> => {
  const deadline = Date.now() + 1_000;
  for (;;) {
    const answer = await readSide.splitRead(sku);
    if (answer.asOfPosition >= position || Date.now() > deadline) return answer;
    await sleep(10);
  }
};

describe('Compare worker', () => {
  describe('When the split design takes a product and an order', () => {
    it('acknowledges each write with the position of its last event', async () => {
      const { writeSide } = await startSplit();

      expect(await writeSide.splitWrite(addProduct('SKU-1', 5))).toEqual({ ok: true, position: 1 });
      expect(await writeSide.splitWrite(addProduct('SKU-2', 5))).toEqual({ ok: true, position: 2 });
      // OrderPlaced at 3, then one StockReserved per line at 4 and 5.
      expect(
        await writeSide.splitWrite(
          placeOrder('ORD-1', [
            { sku: 'SKU-1', quantity: 2 },
            { sku: 'SKU-2', quantity: 1 },
          ]),
        ),
      ).toEqual({ ok: true, position: 5 });
    });

    it('lets the read side answer with the stock after the order, as of its position', async () => {
      const { writeSide, readSide } = await startSplit();
      await writeSide.splitWrite(addProduct('SKU-1', 5));

      const answer = await writeSide.splitWrite(
        placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 2 }]),
      );
      expect(answer).toEqual({ ok: true, position: 3 });

      expect(await readOnceAt(readSide, 'SKU-1', 3)).toEqual({ available: 3, asOfPosition: 3 });
    });

    it('answers a read of an unknown SKU with available null', async () => {
      const { writeSide, readSide } = await startSplit();
      await writeSide.splitWrite(addProduct('SKU-1', 5));

      expect(await readOnceAt(readSide, 'SKU-404', 1)).toEqual({
        available: null,
        asOfPosition: 1,
      });
    });
  });

  describe('When the split design refuses a write', () => {
    it('answers ok false with the reason, and the read side keeps the stock', async () => {
      const { writeSide, readSide } = await startSplit();
      await writeSide.splitWrite(addProduct('SKU-1', 5));

      expect(
        await writeSide.splitWrite(placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 6 }])),
      ).toEqual({ ok: false, reason: 'Not enough stock for SKU-1: 5 available, 6 requested' });
      expect(
        await writeSide.splitWrite(placeOrder('ORD-2', [{ sku: 'SKU-1', quantity: -1 }])),
      ).toEqual({
        ok: false,
        reason: expect.stringContaining('Quantity must be at least 1') as string,
      });

      // The refused ones appended nothing: the next order's events take positions 2 and 3.
      expect(
        await writeSide.splitWrite(placeOrder('ORD-3', [{ sku: 'SKU-1', quantity: 1 }])),
      ).toEqual({ ok: true, position: 3 });
      expect(await readOnceAt(readSide, 'SKU-1', 3)).toEqual({ available: 4, asOfPosition: 3 });
    });
  });

  describe('When the split design is started again', () => {
    it('starts from an empty log and an empty view', async () => {
      const first = await startSplit();
      await first.writeSide.splitWrite(addProduct('SKU-1', 5));
      await first.writeSide.splitWrite(placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 1 }]));
      await readOnceAt(first.readSide, 'SKU-1', 3);
      for (const port of openPorts.splice(0)) port.close();

      const { writeSide, readSide } = await startSplit();

      expect(await readSide.splitRead('SKU-1')).toEqual({ available: null, asOfPosition: 0 });
      expect(await writeSide.splitWrite(addProduct('SKU-1', 7))).toEqual({ ok: true, position: 1 });
      expect(await readOnceAt(readSide, 'SKU-1', 1)).toEqual({ available: 7, asOfPosition: 1 });
    });
  });

  describe('When started as the single model', () => {
    it('answers writes and reads in one place, in the order they were sent', async () => {
      const api = createCompareApi();
      await api.startSingle();

      const answers = await Promise.all([
        api.single({ kind: 'write', command: addProduct('SKU-1', 5) }),
        api.single({ kind: 'read', sku: 'SKU-1' }),
        api.single({
          kind: 'write',
          command: placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 2 }]),
        }),
        api.single({ kind: 'read', sku: 'SKU-1' }),
      ]);

      expect(answers).toEqual([
        { kind: 'write', ok: true },
        { kind: 'read', available: 5 },
        { kind: 'write', ok: true },
        { kind: 'read', available: 3 },
      ]);
    });

    it('forgets what an earlier run stored', async () => {
      const earlier = createCompareApi();
      await earlier.startSingle();
      await earlier.single({ kind: 'write', command: addProduct('SKU-1', 5) });

      const api = createCompareApi();
      await api.startSingle();

      expect(await api.single({ kind: 'read', sku: 'SKU-1' })).toEqual({
        kind: 'read',
        available: null,
      });
      expect(await api.single({ kind: 'write', command: addProduct('SKU-1', 5) })).toEqual({
        kind: 'write',
        ok: true,
      });
    });
  });

  describe('When asked for a part it was not started as', () => {
    it('refuses the single model on a split write side, saying so', async () => {
      const { writeSide } = await startSplit();

      await expect(async () => writeSide.single({ kind: 'read', sku: 'SKU-1' })).rejects.toThrow(
        'This worker is not the single model',
      );
    });

    it('refuses the split sides on a single model, saying which', async () => {
      const api = createCompareApi();
      await api.startSingle();

      await expect(api.splitWrite(addProduct('SKU-1', 5))).rejects.toThrow(
        'This worker is not the split write side',
      );
      await expect(api.splitRead('SKU-1')).rejects.toThrow(
        'This worker is not the split read side',
      );
    });

    it('refuses the read side on the write side, and the write side on the read side', async () => {
      const { writeSide, readSide } = await startSplit();

      await expect(writeSide.splitRead('SKU-1')).rejects.toThrow(
        'This worker is not the split read side',
      );
      await expect(readSide.splitWrite(addProduct('SKU-1', 5))).rejects.toThrow(
        'This worker is not the split write side',
      );
    });
  });
});

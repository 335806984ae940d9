// Appending to the event log against a real (in-memory) IndexedDB: positions without gaps across
// streams, versions per stream, and each event stored with its command's metadata.
import { describe, expect, it } from 'vitest';
import { append, headPosition, readAll, readStream, streamVersion } from '.';
import {
  appendedCommands,
  databasesPerTest,
  givenTwoProductStreams,
  meta,
  orderPlaced,
  positionsOf,
  productAdded,
  stockReserved,
  toStream,
} from './testing/eventStoreFixture';

const open = databasesPerTest();

describe('Event store', () => {
  describe('When events are appended to several streams', () => {
    it('numbers their positions 1..n without gaps across appends and streams', async () => {
      const db = open();
      await givenTwoProductStreams(db);

      const all = await readAll(db);
      expect(positionsOf(all)).toEqual([1, 2, 3, 4, 5]);
      expect(all.map((e) => [e.streamId, e.version])).toEqual([
        ['product-A', 1],
        ['product-A', 2],
        ['product-B', 1],
        ['product-A', 3],
        ['product-B', 2],
      ]);
    });

    it('numbers versions from 1 within each stream', async () => {
      const db = open();
      await givenTwoProductStreams(db);

      expect((await readStream(db, 'product-A')).map((e) => e.version)).toEqual([1, 2, 3]);
      expect((await readStream(db, 'product-B')).map((e) => e.version)).toEqual([1, 2]);
      expect(await streamVersion(db, 'product-A')).toBe(3);
      expect(await streamVersion(db, 'product-B')).toBe(2);
    });

    it('reports the last position as the head', async () => {
      const db = open();
      await givenTwoProductStreams(db);
      expect(await headPosition(db)).toBe(5);
    });

    it('returns the stored events with their positions, streams and versions', async () => {
      const db = open();
      await append(db, [toStream('product-A', 'no-stream', productAdded('A'))], meta());

      const result = await append(
        db,
        [
          toStream('order-o1', 'no-stream', orderPlaced('o1')),
          toStream('product-A', 1, stockReserved('A', 'o1')),
        ],
        meta(),
      );

      expect(result.duplicate).toBe(false);
      expect(result.events.map((e) => [e.type, e.streamId, e.version, e.position])).toEqual([
        ['OrderPlaced', 'order-o1', 1, 2],
        ['StockReserved', 'product-A', 2, 3],
      ]);
      expect(await readAll(db, { fromPosition: 2 })).toEqual(result.events);
    });

    it('stores the command id, correlation, causation, time and schema version with each event', async () => {
      const db = open();
      await append(
        db,
        [toStream('product-A', 'no-stream', productAdded('A'), stockReserved('A', 'o1'))],
        meta({
          commandId: 'cmd-meta',
          correlationId: 'corr-meta',
          causationId: 'cause-meta',
          recordedAt: '2025-03-02T08:30:00.000Z',
        }),
      );

      for (const event of await readAll(db)) {
        expect(event.meta).toEqual({
          commandId: 'cmd-meta',
          correlationId: 'corr-meta',
          causationId: 'cause-meta',
          recordedAt: '2025-03-02T08:30:00.000Z',
          schemaVersion: 2,
          commandType: 'PlaceOrder',
        });
      }
      expect(await appendedCommands(db)).toEqual(new Map([['cmd-meta', [1, 2]]]));
    });

    it('keeps the event data as it was given', async () => {
      const db = open();
      await append(db, [toStream('product-A', 'no-stream', productAdded('A', 7))], meta());
      const [stored] = await readStream(db, 'product-A');
      expect(stored?.type).toBe('ProductAdded');
      expect(stored?.data).toEqual({ sku: 'A', name: 'Product A', price: 10, stock: 7 });
    });
  });
});

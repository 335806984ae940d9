// The log's windows as the page asks for them, against a real (in-memory) IndexedDB: newest first,
// of the whole log or of what a filter matches, with the newest highlighted event found; a longer
// or rewritten log is seen on the next call.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { append, clearLog, readLog } from '.';
import { matches } from './logFilter';
import { createLogWindows, type LogWindowQuery } from './logWindow';
import {
  databasesPerTest,
  givenTwoProductStreams,
  meta,
  orderPlaced,
  positionsOf,
  productAdded,
  toStream,
} from './testing/eventStoreFixture';

const open = databasesPerTest();
const query = (overrides: Partial<LogWindowQuery> = {}): LogWindowQuery => ({
  stream: '',
  type: '',
  offset: 0,
  limit: 10,
  ...overrides,
});

describe('Windows of the log', () => {
  it('gives the whole log newest first, a window at a time, without gaps', async () => {
    const db = open();
    await givenTwoProductStreams(db);
    const windows = createLogWindows(db);

    const first = await windows.window(query({ limit: 2 }));
    expect(first).toMatchObject({ head: 5, total: 5, offset: 0, highlightIndex: null });
    expect(positionsOf(first.events)).toEqual([5, 4]);
    expect(positionsOf((await windows.window(query({ offset: 2, limit: 2 }))).events)).toEqual([
      3, 2,
    ]);
    expect(positionsOf((await windows.window(query({ offset: 4, limit: 2 }))).events)).toEqual([1]);
    expect((await windows.window(query({ offset: 9 }))).events).toEqual([]);
  });

  it('filters by part of a stream id, in any case, and by type, through the indexes', async () => {
    const db = open();
    await givenTwoProductStreams(db);
    const windows = createLogWindows(db);

    const ofB = await windows.window(query({ stream: ' PRODUCT-b ' }));
    expect(ofB.total).toBe(2);
    expect(positionsOf(ofB.events)).toEqual([5, 3]);
    const reserved = await windows.window(query({ type: 'StockReserved' }));
    expect(positionsOf(reserved.events)).toEqual([5, 4, 2]);
    const both = await windows.window(query({ stream: 'product-a', type: 'StockReserved' }));
    expect(positionsOf(both.events)).toEqual([4, 2]);
    expect((await windows.window(query({ stream: 'order-' }))).total).toBe(0);
  });

  it('sees events appended since the last call, and a rewritten log as new', async () => {
    const db = open();
    await givenTwoProductStreams(db);
    const windows = createLogWindows(db);
    expect((await windows.window(query({ stream: 'order-' }))).total).toBe(0);

    await append(db, [toStream('order-1', 'no-stream', orderPlaced('1'))], meta());
    const grown = await windows.window(query({ stream: 'order-' }));
    expect(grown).toMatchObject({ head: 6, total: 1 });
    expect(positionsOf(grown.events)).toEqual([6]);

    await clearLog(db);
    await append(db, [toStream('product-C', 'no-stream', productAdded('C'))], meta());
    const rewritten = await windows.window(query({ stream: 'product-' }));
    expect(rewritten).toMatchObject({ head: 1, total: 1 });
    expect(rewritten.events[0]?.streamId).toBe('product-C');
  });

  it('finds the newest highlighted event among the matching ones, by position or by stream', async () => {
    const db = open();
    await givenTwoProductStreams(db);
    const windows = createLogWindows(db);

    const byPosition = await windows.window(
      query({ highlight: { positions: [2, 3], streams: [] } }),
    );
    expect(byPosition.highlightIndex).toBe(2); // #3 is third, newest first
    const byStream = await windows.window(
      query({ type: 'ProductAdded', highlight: { positions: [], streams: ['product-A'] } }),
    );
    expect(byStream.highlightIndex).toBe(1); // of #3 and #1, #1 (product-A) is second
    const none = await windows.window(
      query({ stream: 'product-B', highlight: { positions: [1, 2, 4], streams: [] } }),
    );
    expect(none.highlightIndex).toBeNull();
  });

  it('lists every stream, and reads one event by position', async () => {
    const db = open();
    await givenTwoProductStreams(db);
    const windows = createLogWindows(db);
    expect(await windows.streams()).toEqual(['product-A', 'product-B']);
    expect((await windows.at(4))?.streamId).toBe('product-A');
    expect(await windows.at(6)).toBeNull();
  });

  it('agrees with filtering the whole log in memory, for any log, filter and window', async () => {
    const db = open();
    const windows = createLogWindows(db);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('product-A', 'product-B', 'order-1', 'order-12'), {
          minLength: 0,
          maxLength: 6,
        }),
        fc.constantFrom('', 'a', 'ORDER-1', 'duct-', 'x'),
        fc.constantFrom('', 'ProductAdded', 'OrderPlaced'),
        fc.nat(8),
        fc.integer({ min: 1, max: 8 }),
        async (streams, stream, type, offset, limit) => {
          for (const streamId of streams)
            await append(
              db,
              [
                toStream(
                  streamId,
                  'any',
                  streamId.startsWith('order') ? orderPlaced(streamId) : productAdded(streamId),
                ),
              ],
              meta(),
            );
          const log = await readLog(db);
          const expected = log.filter((e) => matches(e, { stream, type })).reverse();
          const window = await windows.window(query({ stream, type, offset, limit }));
          expect(window.total).toBe(expected.length);
          expect(positionsOf(window.events)).toEqual(
            positionsOf(expected.slice(offset, offset + limit)),
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});

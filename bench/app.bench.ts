// The real app's production build: how much JavaScript it ships and the first screen loads, and how
// much heap the page holds with a long log.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { record } from './record';

const quick = process.env.BENCH_QUICK === '1';
const APP = 'http://localhost:4181/';
const DIST = new URL('../dist-bench-app/', import.meta.url);

const gzipKb = (path: string) =>
  gzipSync(readFileSync(new URL(path, DIST)), { level: 9 }).length / 1024;
const oneDecimal = (kb: number) => Math.round(kb * 10) / 10;

const appReady = (page: Page, head = 0) =>
  expect(page.getByRole('region', { name: 'Order status' }).getByRole('status').first()).toHaveText(
    `Up to date at #${String(head)}`,
    { timeout: 180_000 },
  );

test('bundle: gzip size of the JavaScript the first screen loads, and of all of it', async ({
  page,
}) => {
  const loaded = new Set<string>();
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.endsWith('.js')) loaded.add(path.replace(/^\//, ''));
  });
  await page.goto(APP);
  await appReady(page);
  const all = readdirSync(new URL('assets/', DIST)).filter((f) => f.endsWith('.js'));
  // What the HTML itself loads before anything renders: its module scripts and their preloads.
  const html = readFileSync(new URL('index.html', DIST), 'utf8');
  const initial = [
    ...html.matchAll(
      /<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.js)"/g,
    ),
  ].map((match) => match[1] ?? '');
  const sum = (paths: Iterable<string>) =>
    oneDecimal([...paths].reduce((total, path) => total + gzipKb(path), 0));
  const figures = {
    initial_js_gzip_kb: sum(initial),
    total_js_gzip_kb: sum(all.map((file) => `assets/${file}`)),
    initial_files: initial.length,
    first_screen_js_gzip_kb: sum(loaded),
    first_screen_files: loaded.size,
    total_files: all.length,
  };
  console.log(
    [
      '',
      'bundle (production build, gzip -9)',
      `  the page's own JS (HTML script + preloads)       ${figures.initial_js_gzip_kb} kB in ${figures.initial_files} files`,
      `  all JS the first screen loads (+ workers, charts) ${figures.first_screen_js_gzip_kb} kB in ${figures.first_screen_files} files`,
      `  all JavaScript                                    ${figures.total_js_gzip_kb} kB in ${figures.total_files} files`,
      '',
    ].join('\n'),
  );
  record('bundle', figures);
});

type SeedStats = { events: number; ms: number };

test('memory: JS heap of the page with a long log loaded and the event log open', async ({
  page,
}) => {
  test.setTimeout(10 * 60_000);
  const orders = quick ? 10_000 : 50_000;
  // Let the app create its databases, then fill the log from a plain page of the same origin (no
  // workers holding it open), as if a learner had written it over time.
  await page.goto(APP);
  await appReady(page);
  await page.goto(`${APP}favicon.svg`);
  const seeded = await page.evaluate(async (count): Promise<SeedStats> => {
    const started = performance.now();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('cqrs-lab-events');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const SKUS = 10;
    const meta = (n: number) => ({
      commandId: `seed-${n}`,
      correlationId: `seed-${n}`,
      causationId: `seed-${n}`,
      recordedAt: '2026-01-01T10:00:00.000Z',
      schemaVersion: 1,
    });
    let position = 0;
    const versions = new Map<string, number>();
    const event = (streamId: string, type: string, data: unknown, n: number) => {
      const version = (versions.get(streamId) ?? 0) + 1;
      versions.set(streamId, version);
      position += 1;
      return { position, streamId, version, type, data, meta: meta(n) };
    };
    const rows: unknown[] = [];
    for (let s = 0; s < SKUS; s += 1)
      rows.push(
        event(
          `product-SKU-${s}`,
          'ProductAdded',
          { sku: `SKU-${s}`, name: `Product ${s}`, price: 2.5, stock: 10_000_000 },
          s,
        ),
      );
    for (let i = 0; i < count; i += 1) {
      const sku = `SKU-${i % SKUS}`;
      const orderId = `ORD-${i}`;
      const lines = [{ sku, quantity: 1, name: `Product ${i % SKUS}`, unitPrice: 2.5 }];
      rows.push(
        event(
          `order-${orderId}`,
          'OrderPlaced',
          { orderId, lines, total: 2.5, placedAt: '2026-01-01T10:00:00.000Z' },
          SKUS + i,
        ),
        event(`product-${sku}`, 'StockReserved', { sku, orderId, quantity: 1 }, SKUS + i),
      );
    }
    for (let i = 0; i < rows.length; i += 10_000) {
      const tx = db.transaction('events', 'readwrite');
      for (const row of rows.slice(i, i + 10_000)) tx.objectStore('events').add(row);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('seed failed'));
      });
    }
    db.close();
    return { events: rows.length, ms: performance.now() - started };
  }, orders);

  await page.goto(APP);
  await appReady(page, seeded.events);
  const log = page.getByRole('region', { name: 'Event log' });
  await log.scrollIntoViewIfNeeded();
  await expect(log.getByRole('row').nth(1)).toBeVisible();
  await page.waitForTimeout(1_000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const figures = { events: seeded.events, heap_mb: Math.round((usedSize / 2 ** 20) * 10) / 10 };
  console.log(
    [
      '',
      `memory (${figures.events.toLocaleString('en-US')} events in the log, every view caught up, event log open)`,
      `  main thread JS heap after GC   ${figures.heap_mb} MB`,
      '',
    ].join('\n'),
  );
  record('memory', figures);
});

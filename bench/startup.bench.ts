// Start-up of the real app (production build): how long after navigation a learner can use the
// first form, with an empty store and with long logs, and how much heap the page then holds. A long
// log must cost the page no more than a short one: it keeps the log's newest events only, and its
// views start from their checkpoints.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { launchOptions } from '../e2e/launch';
import { record } from './record';

const quick = process.env.BENCH_QUICK === '1';
const APP = 'http://localhost:4181/';
const SKUS = 10;

type Startup = { ready: number | null };

/**
 * Records, in the page, the first moment after navigation at which the lab is usable: the workers
 * have started (no start banner), the views answer (Order status is up to date) and the first
 * form's button can be pressed. The prerendered page shows none of these before its script runs.
 */
const watchStartup = (page: Page) =>
  page.addInitScript(() => {
    const startup: Startup = { ready: null };
    (window as unknown as { startup: Startup }).startup = startup;
    const check = () => {
      const starting = [...document.querySelectorAll('.banner')].some((el) =>
        el.textContent.startsWith('Starting the workers'),
      );
      const status =
        document.querySelector('section[aria-label="Order status"] [role="status"]')?.textContent ??
        '';
      const heading = [...document.querySelectorAll('form h3')].find(
        (h) => h.textContent === 'Add product',
      );
      const button = heading?.closest('form')?.querySelector('button[type="submit"]');
      if (
        !starting &&
        /^Up to date at #\d+$/.test(status) &&
        button &&
        !button.hasAttribute('disabled')
      )
        startup.ready = performance.now();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });

const firstInteraction = async (page: Page) => {
  await page.goto(APP);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { startup: Startup }).startup.ready), {
      timeout: 300_000,
    })
    .not.toBeNull();
  return Math.round(
    (await page.evaluate(() => (window as unknown as { startup: Startup }).startup.ready)) ?? 0,
  );
};

const heapMb = async (page: Page) => {
  const log = page.getByRole('region', { name: 'Event log' });
  await log.scrollIntoViewIfNeeded();
  await expect(log.getByRole('row').nth(1)).toBeVisible();
  await page.waitForTimeout(1_000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return Math.round((usedSize / 2 ** 20) * 10) / 10;
};

/**
 * Writes `orders` orders (two events each) after 10 products straight into the app's event store,
 * from a plain page of the same origin (no worker holding it open), as if written over time.
 */
const seed = (page: Page, orders: number) =>
  page.evaluate(
    async ({ count, skus }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('cqrs-lab-events');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      const meta = (n: number) => ({
        commandId: `seed-${String(n)}`,
        commandType: n < skus ? 'AddProduct' : 'PlaceOrder',
        correlationId: `seed-${String(n)}`,
        causationId: `seed-${String(n)}`,
        recordedAt: '2026-01-01T10:00:00.000Z',
        schemaVersion: 2,
      });
      let position = 0;
      const versions = new Map<string, number>();
      const event = (streamId: string, type: string, data: unknown, n: number) => {
        const version = (versions.get(streamId) ?? 0) + 1;
        versions.set(streamId, version);
        position += 1;
        return { position, streamId, version, type, data, meta: meta(n) };
      };
      function* rows() {
        for (let s = 0; s < skus; s += 1)
          yield event(
            `product-SKU-${String(s)}`,
            'ProductAdded',
            {
              sku: `SKU-${String(s)}`,
              name: `Product ${String(s)}`,
              price: 2.5,
              stock: 10_000_000,
            },
            s,
          );
        for (let i = 0; i < count; i += 1) {
          const sku = `SKU-${String(i % skus)}`;
          const orderId = `ORD-${String(i)}`;
          const lines = [{ sku, quantity: 1, name: `Product ${String(i % skus)}`, unitPrice: 2.5 }];
          yield event(
            `order-${orderId}`,
            'OrderPlaced',
            { orderId, lines, total: 2.5, placedAt: '2026-01-01T10:00:00.000Z' },
            skus + i,
          );
          yield event(`product-${sku}`, 'StockReserved', { sku, orderId, quantity: 1 }, skus + i);
        }
      }
      const all = rows();
      for (let done = false; !done;) {
        const tx = db.transaction('events', 'readwrite');
        for (let n = 0; n < 10_000; n += 1) {
          const next = all.next();
          if (next.done) {
            done = true;
            break;
          }
          tx.objectStore('events').add(next.value);
        }
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error ?? new Error('seed failed'));
        });
      }
      db.close();
      return position;
    },
    { count: orders, skus: SKUS },
  );

/**
 * What the page and each of its workers are doing when the views do not catch up: whether each
 * still answers (a worker stuck in a long task or collecting garbage does not) and its heap.
 */
const diagnose = async (page: Page) => {
  const answer = <T>(work: Promise<T>) =>
    Promise.race([
      work.then((value) => String(value)),
      new Promise<string>((resolve) => setTimeout(() => resolve('no answer in 10 s'), 10_000)),
    ]).catch((error: unknown) => `failed: ${String(error)}`);
  const heap = () => {
    const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    return memory ? `${String(Math.round(memory.usedJSHeapSize / 2 ** 20))} MB` : 'answers';
  };
  const lines = [
    `page: ${await answer(page.evaluate(heap))}`,
    `storage: ${await answer(
      page.evaluate(async () => {
        const { usage = 0, quota = 0 } = await navigator.storage.estimate();
        return `${String(Math.round(usage / 2 ** 20))} MB used of ${String(Math.round(quota / 2 ** 20))} MB`;
      }),
    )}`,
  ];
  for (const worker of page.workers())
    lines.push(`${worker.url().replace(/^.*\//, '')}: ${await answer(worker.evaluate(heap))}`);
  lines.push(
    `alerts: ${await answer(
      page.evaluate(() =>
        [...document.querySelectorAll('[role="alert"]')].map((el) => el.textContent).join(' | '),
      ),
    )}`,
    // What each view has stored, whatever its panel says.
    `checkpoints: ${await answer(
      page.evaluate(async () => {
        const out: string[] = [];
        for (const name of ['order-status', 'sales-dashboard', 'stock-levels', 'product-search']) {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const request = indexedDB.open(`cqrs-lab-read-${name}`);
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error ?? new Error('open failed'));
          });
          const tx = db.transaction(['checkpoint', 'rows'], 'readonly');
          const cp = await new Promise((resolve) => {
            const r = tx.objectStore('checkpoint').get('checkpoint');
            r.onsuccess = () => resolve(r.result);
          });
          const count = await new Promise((resolve) => {
            const r = tx.objectStore('rows').count();
            r.onsuccess = () => resolve(r.result);
          });
          out.push(`${name}: ${JSON.stringify(cp)} rows ${String(count)}`);
          db.close();
        }
        return out.join('; ');
      }),
    )}`,
  );
  const statuses = await page
    .locator('section[aria-label] [role="status"]')
    .evaluateAll((els) =>
      els.map(
        (el) => `${el.closest('section')?.getAttribute('aria-label') ?? ''}: ${el.textContent}`,
      ),
    );
  return ['views did not catch up:', ...lines, ...statuses].join('\n  ');
};

const profiles = new WeakMap<BrowserContext, string>();

/** Closes the page's browser and removes its profile. */
const closeProfile = async (page: Page) => {
  const context = page.context();
  await context.close();
  const profile = profiles.get(context);
  if (profile) rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
};

/**
 * A fresh browser profile on disk, as a learner's browser has (a test context keeps IndexedDB in
 * memory: with a gigabyte of log and views in it, its writes stalled for minutes), with start-up
 * watched. Closing the page with closeProfile removes the profile.
 */
const freshPage = async () => {
  const profile = mkdtempSync(join(tmpdir(), 'cqrs-lab-startup-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...launchOptions,
    viewport: { width: 1440, height: 1000 },
  });
  profiles.set(context, profile);
  const page = context.pages()[0] ?? (await context.newPage());
  await watchStartup(page);
  return page;
};

/**
 * A log of `orders` orders, every view caught up once (as after the learner's earlier visits),
 * then a new visit: how long until the first form is usable, and the page's heap then.
 */
const withLog = async (orders: number) => {
  const page = await freshPage();
  await firstInteraction(page); // the app creates its databases
  await page.goto(`${APP}favicon.svg`);
  const events = await seed(page, orders);
  await page.goto(APP);
  // Fails early, with a diagnosis, once no view's status has moved for two minutes.
  const views = ['Order status', 'Stock levels', 'Sales dashboard', 'Product search'];
  const statusesNow = () =>
    Promise.all(
      views.map((view) =>
        page.getByRole('region', { name: view }).getByRole('status').first().textContent(),
      ),
    );
  let seen = '';
  let since = Date.now();
  for (;;) {
    const now = await statusesNow();
    if (now.every((text) => text === `Up to date at #${String(events)}`)) break;
    if (now.join('|') !== seen) {
      seen = now.join('|');
      since = Date.now();
    } else if (Date.now() - since > 120_000) {
      console.log(await diagnose(page));
      throw new Error(`views stalled: ${seen}`);
    }
    await page.waitForTimeout(2_000);
  }
  const ms = await firstInteraction(page);
  const heap = await heapMb(page);
  await closeProfile(page);
  return { events, ms, heap };
};

test('startup: first form usable after navigation, and the heap, with no log and with long ones', async () => {
  test.setTimeout(40 * 60_000);
  const empty = await freshPage();
  const emptyMs = await firstInteraction(empty);
  await closeProfile(empty);
  if (process.env.BENCH_ONLY_1M) {
    await withLog(500_000);
    return;
  }
  const hundredK = await withLog(quick ? 5_000 : 50_000);
  const oneM = await withLog(quick ? 25_000 : 500_000);
  const figures = {
    first_interaction_ms_empty: emptyMs,
    first_interaction_ms_100k: hundredK.ms,
    heap_mb_100k: hundredK.heap,
    events_100k: hundredK.events,
    first_interaction_ms_1m: oneM.ms,
    heap_mb_1m: oneM.heap,
    events_1m: oneM.events,
  };
  console.log(
    [
      '',
      'startup (production build, first form usable after navigation; heap after GC)',
      `  empty store                         ${String(figures.first_interaction_ms_empty)} ms`,
      `  ${hundredK.events.toLocaleString('en-US').padEnd(9)} events, views caught up  ${String(figures.first_interaction_ms_100k)} ms   heap ${String(figures.heap_mb_100k)} MB`,
      `  ${oneM.events.toLocaleString('en-US').padEnd(9)} events, views caught up  ${String(figures.first_interaction_ms_1m)} ms   heap ${String(figures.heap_mb_1m)} MB`,
      '',
    ].join('\n'),
  );
  record('startup', figures);
});

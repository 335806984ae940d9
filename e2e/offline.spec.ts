// Offline and installable (issue 21): after one visit the lab runs with the network off, reload
// included, and a new deployment waits for `Reload to update`. The build the suite serves
// (dist-e2e, GitHub Pages sub-path) is served here by a server of the test's own, which can switch
// to a "next deployment" of it: index.html marked, and the service worker listing it with a new
// revision, as a real deployment would.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { expect, test } from './fixtures';
import { LabPage } from './page-models/labPage';
import type { Page } from '@playwright/test';

test.use({ serviceWorkers: 'allow' });

const BUILD = join(process.cwd(), 'dist-e2e');
const BASE = '/cqrs-lab/';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json',
};

/** The build, served from BASE; `next` turns it into the next deployment. */
const serveBuild = async () => {
  const state = { next: false };
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (!path.startsWith(BASE)) {
        response.writeHead(404).end();
        return;
      }
      const name = path.slice(BASE.length) || 'index.html';
      const file = normalize(join(BUILD, name));
      if (!file.startsWith(BUILD)) {
        response.writeHead(404).end();
        return;
      }
      let body: Buffer | string;
      try {
        body = await readFile(file);
      } catch {
        response.writeHead(404).end();
        return;
      }
      if (state.next && name === 'index.html')
        body = body.toString().replace('<head>', '<head><meta name="lab-build" content="next">');
      if (state.next && name === 'sw.js')
        body = body
          .toString()
          .replace(/(url:"index\.html",revision:")([^"]+)"/, (_, start: string, rev: string) => {
            return `${start}${rev}-next"`;
          });
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      response.end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://localhost:${String(port)}${BASE}`, state, close: () => server.close() };
};

/** Waits until this version's service worker has stored every file and is active. */
const offlineReady = (page: Page) =>
  expect
    .poll(() =>
      page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state),
    )
    .toBe('activated');

const started = async (lab: LabPage) => {
  await expect(lab.page.getByRole('heading', { name: 'CQRS Lab' })).toBeVisible();
  await expect(lab.orderStatus.getByRole('status').first()).toHaveText(/^Up to date at #\d+$/);
};

test('after one visit the lab works with the network off: a reload renders it, an order can be placed and a chapter opened', async ({
  page,
  context,
}) => {
  const build = await serveBuild();
  try {
    const lab = new LabPage(page);
    await page.goto(build.url);
    await started(lab);
    await offlineReady(page);

    // Installable: the page names its manifest, and the manifest its icons.
    const manifest = (await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
      return link ? ((await (await fetch(link.href)).json()) as unknown) : null;
    })) as { name: string; start_url: string; icons: { sizes: string }[] } | null;
    expect(manifest?.name).toBe('CQRS Lab');
    expect(manifest?.start_url).toBe(BASE);
    expect(manifest?.icons.map((icon) => icon.sizes)).toEqual(
      expect.arrayContaining(['192x192', '512x512']),
    );

    await context.setOffline(true);
    await page.reload();
    await started(lab);
    // Really offline: a file the lab does not have cannot be fetched.
    expect(
      await page.evaluate(() =>
        fetch(`not-in-the-build-${String(Math.random())}.txt`).then(
          () => 'fetched',
          () => 'failed',
        ),
      ),
    ).toBe('failed');

    await lab.addProductSettled({ sku: 'SKU-OFF', name: 'Offline mug', price: '4', stock: '5' });
    await lab.placeOrder('SKU-OFF', '2');
    await lab.settled('Place order');
    await expect(lab.keyRow(lab.stockLevels, 'SKU-OFF')).toContainText('3');
    await expect(lab.orderStatus.getByRole('row').filter({ hasText: 'ORD-' })).toHaveCount(1);

    // A chapter's content is loaded only when it opens: it was stored with the rest.
    await page.goto(`${build.url}#/lessons/commands-and-queries`);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await expect(page.getByText('Loading the chapter…')).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
  } finally {
    build.close();
  }
});

test('a new deployment waits until the learner presses Reload to update, and the log is kept', async ({
  page,
}) => {
  const build = await serveBuild();
  try {
    const lab = new LabPage(page);
    const next = page.locator('meta[name="lab-build"]');
    await page.goto(build.url);
    await started(lab);
    await offlineReady(page);
    await lab.addProductSettled({ sku: 'SKU-KEPT', name: 'Kept mug', price: '4', stock: '5' });

    build.state.next = true;
    await page.reload();
    await started(lab);
    const update = page.getByRole('button', { name: 'Reload to update' });
    await expect(update).toBeVisible();
    // Until then the page runs the version it started with, every file of it.
    await expect(next).toHaveCount(0);

    await update.click();
    await expect(next).toHaveCount(1);
    await started(lab);
    await expect(update).toHaveCount(0);
    await expect(lab.keyRow(lab.stockLevels, 'SKU-KEPT')).toBeVisible();
  } finally {
    build.close();
  }
});

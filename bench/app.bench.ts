// The real app's production build: how much JavaScript it ships and the first screen loads (start-up
// and heap with long logs: startup.bench.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { record } from './record';

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

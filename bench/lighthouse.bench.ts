// Lighthouse 12 on the real app's production build, mobile preset (4× CPU slowdown, slow 4G) and
// desktop preset, in the same Chromium as the tests. Lighthouse runs through npx at a fixed version
// (12.2.3 runs on Node 20; 13 needs Node 22), so it is not one of the app's dependencies. Its figures
// swing from run to run on a busy machine: each preset runs three times (once with --quick) and the
// median run, by score, is kept.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@playwright/test';
import { record } from './record';

const quick = process.env.BENCH_QUICK === '1';
const APP = 'http://localhost:4181/';
const CHROME = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS =
  '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync';

type Audit = { numericValue?: number };
type Report = {
  categories: { performance: { score: number } };
  audits: Record<string, Audit | undefined>;
};

const run = (preset: 'mobile' | 'desktop') => {
  const dir = mkdtempSync(join(tmpdir(), 'lighthouse-'));
  const output = join(dir, 'report.json');
  try {
    const result = spawnSync(
      'npx',
      [
        '-y',
        'lighthouse@12.2.3',
        APP,
        '--only-categories=performance',
        '--output=json',
        `--output-path=${output}`,
        `--chrome-flags=${FLAGS}`,
        '--quiet',
        ...(preset === 'desktop' ? ['--preset=desktop'] : []),
      ],
      { env: { ...process.env, CHROME_PATH: CHROME }, encoding: 'utf8', timeout: 300_000 },
    );
    if (result.status !== 0)
      throw new Error(`lighthouse (${preset}) failed: ${result.stderr || String(result.error)}`);
    const report = JSON.parse(readFileSync(output, 'utf8')) as Report;
    const ms = (id: string) => Math.round(report.audits[id]?.numericValue ?? Number.NaN);
    return {
      performance: Math.round(report.categories.performance.score * 100),
      fcp_ms: ms('first-contentful-paint'),
      lcp_ms: ms('largest-contentful-paint'),
      tbt_ms: ms('total-blocking-time'),
      tti_ms: ms('interactive'),
      cls: report.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** The run with the median score (runs are whole: their figures are never mixed). */
const median = (preset: 'mobile' | 'desktop') => {
  const runs = Array.from({ length: quick ? 1 : 3 }, () => run(preset)).sort(
    (a, b) => a.performance - b.performance,
  );
  const middle = runs[Math.floor(runs.length / 2)];
  if (!middle) throw new Error('no Lighthouse run');
  return { ...middle, scores: runs.map((r) => r.performance) };
};

test('lighthouse: performance of the production build, mobile and desktop presets', () => {
  test.setTimeout(30 * 60_000);
  const mobile = median('mobile');
  const desktop = median('desktop');
  const figures = {
    mobile_performance: mobile.performance,
    mobile_tbt_ms: mobile.tbt_ms,
    mobile_lcp_ms: mobile.lcp_ms,
    desktop_performance: desktop.performance,
    mobile,
    desktop,
  };
  const line = (name: string, r: typeof mobile) =>
    `  ${name.padEnd(8)} score ${String(r.performance)} (runs ${r.scores.join(', ')})   FCP ${String(r.fcp_ms)} ms   LCP ${String(r.lcp_ms)} ms   TBT ${String(r.tbt_ms)} ms   TTI ${String(r.tti_ms)} ms   CLS ${r.cls.toFixed(3)}`;
  console.log(
    [
      '',
      'lighthouse 12.2.3 (median run by score)',
      line('mobile', mobile),
      line('desktop', desktop),
      '',
    ].join('\n'),
  );
  record('lighthouse', figures);
});

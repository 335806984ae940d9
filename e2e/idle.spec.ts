import { cpuSlowdown } from './cpuSlowdown';
import { expect, test } from './fixtures';
import { LabPage } from './page-models/labPage';

// An idle lab is idle: with nothing in flight the bus's clock rests, so the page is told nothing
// and redraws nothing. A page that redraws while idle also never lets a test see a stable button.
test('with nothing pending and the clock playing, the page’s main thread is busy at most 1% of the time', async ({
  page,
  context,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.addProduct({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
  await lab.settled('Add product');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  // Idle starts once the page has loaded all it shows: the charts and the code editor of Your
  // projection (each its own chunk, fetched when its panel comes near the screen, or after 10 s
  // idle) and the fonts, and drawn all the bus did (on a slow machine, a second after `0 pending`).
  await page.getByRole('region', { name: 'Charts' }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('figure', { name: 'Throughput per virtual second' })).toBeVisible();
  const yours = page.getByRole('region', { name: 'Your projection' });
  await yours.scrollIntoViewIfNeeded();
  await expect(yours.getByRole('textbox', { name: 'Projection code' })).toBeVisible();
  await expect(yours.getByText('Saved in this browser.')).toBeVisible();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await lab.drawn();

  const cdp = await context.newCDPSession(page);
  // Thread time, not wall time: what the page itself spends, whatever else the machine runs.
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const metrics = async () => {
    const { metrics: all } = await cdp.send('Performance.getMetrics');
    return new Map(all.map((m) => [m.name, m.value]));
  };
  const clockBefore = await lab.clock.textContent();
  const before = await metrics();
  const started = Date.now();
  // Proves a negative (no work while idle), so it watches for a while: 10 s is 40 of the bus's
  // old quarter-second ticks and 10 of the watchdog's pings, enough to see any steady redraw.
  await page.waitForTimeout(10_000);
  const after = await metrics();
  const spent = (name: string) => (after.get(name) ?? Number.NaN) - (before.get(name) ?? 0);
  const elapsed = (Date.now() - started) / 1000;
  const detail = ['ScriptDuration', 'RecalcStyleCount', 'LayoutCount', 'V8CompileDuration']
    .map((name) => `${name} ${spent(name).toFixed(3)}`)
    .join(', ');

  expect(
    spent('TaskDuration') / elapsed,
    `main thread busy ${spent('TaskDuration').toFixed(3)} s of ${elapsed.toFixed(1)} s (${detail})`,
    // A slow-machine run makes every task N times longer, the idle ones too (the watchdog's pings).
  ).toBeLessThanOrEqual(0.01 * cpuSlowdown);
  // Still playing, still nothing pending, and the clock rested where it stopped.
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await expect(lab.clock).toHaveText(clockBefore ?? '');
  await expect(lab.clock).toHaveText(/· 0 pending$/);
});

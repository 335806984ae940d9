// The main thread only renders: during a burst of commands through the real app, with the Flow
// animating, how long is the longest task and the longest gap between animation frames?
import { expect, test } from '@playwright/test';
import { record } from './record';

const quick = process.env.BENCH_QUICK === '1';
const APP = 'http://localhost:4181/';

type Perf = { longTasks: number[]; worstFrame: number; measuring: boolean };

test('main thread during a command burst', async ({ page }) => {
  await page.addInitScript(() => {
    const perf: Perf = { longTasks: [], worstFrame: 0, measuring: false };
    (window as unknown as { perf: Perf }).perf = perf;
    new PerformanceObserver((list) => {
      if (perf.measuring)
        for (const entry of list.getEntries()) perf.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
    let last = performance.now();
    const frame = (t: number) => {
      if (perf.measuring) perf.worstFrame = Math.max(perf.worstFrame, t - last);
      last = t;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(APP);
  await expect(
    page.getByRole('region', { name: 'Order status' }).getByRole('status').first(),
  ).toHaveText(/^Up to date at #\d+$/);
  // The charts are fetched when their panel nears the screen (a learner scrolling to the Load
  // form brings them there first): drawn before the burst, so their one-time load is not counted.
  await page.getByRole('region', { name: 'Charts' }).scrollIntoViewIfNeeded();
  await expect(page.getByText('Charts appear once the first command is accepted.')).toBeVisible();
  const commands = quick ? 1_000 : 5_000;
  const perSecond = quick ? 1_000 : 2_000;
  const load = page.getByRole('form', { name: 'Load' });
  await load.getByLabel('Per second', { exact: true }).fill(String(perSecond));
  await load.getByLabel('Reads (%)', { exact: true }).fill('0');
  await load.getByLabel('Seconds', { exact: true }).fill(String(commands / perSecond));
  await page.evaluate(() => {
    (window as unknown as { perf: Perf }).perf.measuring = true;
  });
  await load.getByRole('button', { name: 'Run load' }).click();
  await expect(load.getByRole('status')).toHaveText(
    `Done: ${commands.toLocaleString('en-US')} of ${commands.toLocaleString('en-US')} messages sent`,
    { timeout: 120_000 },
  );
  await expect(page.getByRole('status', { name: 'Simulation clock' })).toHaveText(/· 0 pending$/, {
    timeout: 120_000,
  });
  const perf = await page.evaluate(() => {
    const p = (window as unknown as { perf: Perf }).perf;
    p.measuring = false;
    return p;
  });
  const figures = {
    burst_commands: commands,
    long_tasks: perf.longTasks.length,
    worst_task_ms: Math.round(Math.max(0, ...perf.longTasks)),
    worst_frame_ms: Math.round(perf.worstFrame),
  };
  console.log(
    [
      '',
      `main thread (${commands.toLocaleString('en-US')} orders at ${perSecond.toLocaleString('en-US')}/s through the real app, Flow animating)`,
      `  long tasks (> 50 ms)                  ${figures.long_tasks}`,
      `  worst task                            ${figures.worst_task_ms} ms`,
      `  worst gap between animation frames    ${figures.worst_frame_ms} ms`,
      '',
    ].join('\n'),
  );
  record('main_thread', figures);
});

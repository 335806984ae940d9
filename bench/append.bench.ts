// npm run bench: the app's real write path beside a raw Dexie baseline, measured in one run.
import { expect, test } from '@playwright/test';
import type { Harness } from './harness';
import { record } from './record';

const quick = process.env.BENCH_QUICK === '1';
test('append throughput: group commit and one command per transaction vs raw Dexie', async ({
  page,
}) => {
  await page.goto('./');
  await expect(page.locator('#status')).toHaveAttribute('data-ready', 'true');
  const sizes = quick ? { group: 1_000, single: 250 } : { group: 10_000, single: 1_500 };
  const figures = await page.evaluate(
    ({ group, single }) =>
      (window as unknown as { cqrsBench: Harness }).cqrsBench.append(group, single),
    sizes,
  );
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  console.log(
    [
      '',
      `append (${figures.events.toLocaleString('en-US')} events with group commit, ${figures.one_per_tx_events.toLocaleString('en-US')} one command per transaction)`,
      `  raw Dexie bulkAdd, batches of 1,000   ${figures.raw_bulk_per_s.toLocaleString('en-US')} events/s`,
      `  group commit (real write worker)      ${figures.group_commit_per_s.toLocaleString('en-US')} events/s   ratio ${ratio(figures.group_commit_per_s, figures.raw_bulk_per_s)}`,
      `  group commit, bus-sized deliveries    ${figures.group_commit_bus_batches_per_s.toLocaleString('en-US')} events/s   ratio ${ratio(figures.group_commit_bus_batches_per_s, figures.raw_bulk_per_s)}`,
      `  raw Dexie, one command per tx         ${figures.raw_one_per_tx_per_s.toLocaleString('en-US')} events/s`,
      `  one command per transaction (real)    ${figures.one_per_tx_per_s.toLocaleString('en-US')} events/s   ratio ${ratio(figures.one_per_tx_per_s, figures.raw_one_per_tx_per_s)}`,
      '',
    ].join('\n'),
  );
  record('append', figures);
});

test('rebuild: each projection from position 0 vs a raw paged read of the same log', async ({
  page,
}) => {
  await page.goto('./');
  await expect(page.locator('#status')).toHaveAttribute('data-ready', 'true');
  const orderCount = quick ? 2_500 : 25_000;
  const figures = await page.evaluate(
    (count) => (window as unknown as { cqrsBench: Harness }).cqrsBench.rebuild(count),
    orderCount,
  );
  const lines = Object.entries(figures.per_projection_per_s).map(
    ([view, perS]) =>
      `  ${view.padEnd(38)}${perS.toLocaleString('en-US')} events/s   ratio ${(perS / figures.raw_paged_read_per_s).toFixed(2)}`,
  );
  console.log(
    [
      '',
      `rebuild (${figures.events.toLocaleString('en-US')} events, pages of 1,000)`,
      `  raw Dexie paged read                  ${figures.raw_paged_read_per_s.toLocaleString('en-US')} events/s`,
      ...lines,
      '',
    ].join('\n'),
  );
  record('rebuild', figures);
});

test('latency: one command at a time, to acknowledgement and to every view, vs a raw transaction', async ({
  page,
}) => {
  await page.goto('./');
  await expect(page.locator('#status')).toHaveAttribute('data-ready', 'true');
  const measured = await page.evaluate(
    (samples) => (window as unknown as { cqrsBench: Harness }).cqrsBench.latency(samples),
    quick ? 60 : 300,
  );
  const figures = {
    ...measured,
    // Issue 20's figure: the whole path's p95 against the plainest transaction of the same run.
    command_to_view_p95_ratio:
      Math.round((measured.command_to_view_p95 / measured.raw_single_tx_p50) * 10) / 10,
  };
  console.log(
    [
      '',
      `latency (${figures.samples.toLocaleString('en-US')} commands, one at a time, zero configured bus delay)`,
      `  raw Dexie, one command's rows, one tx  p50 ${figures.raw_single_tx_p50} ms`,
      `  write worker acknowledgement           p50 ${figures.command_p50} ms   ratio ${(figures.command_p50 / figures.raw_single_tx_p50).toFixed(2)}`,
      `  command to every view committed        p50 ${figures.command_to_view_p50} ms   p95 ${figures.command_to_view_p95} ms   p99 ${figures.command_to_view_p99} ms   p95 ratio ${figures.command_to_view_p95_ratio}`,
      '',
    ].join('\n'),
  );
  record('latency_ms', figures);
});

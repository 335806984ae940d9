// npm run bench: the app's real write path beside a raw Dexie baseline, measured in one run.
import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Harness } from './harness';

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
      `  raw Dexie, one command per tx         ${figures.raw_one_per_tx_per_s.toLocaleString('en-US')} events/s`,
      `  one command per transaction (real)    ${figures.one_per_tx_per_s.toLocaleString('en-US')} events/s   ratio ${ratio(figures.one_per_tx_per_s, figures.raw_one_per_tx_per_s)}`,
      '',
    ].join('\n'),
  );
  writeFileSync(
    new URL('./results.json', import.meta.url),
    `${JSON.stringify({ append: figures }, null, 2)}\n`,
  );
});
